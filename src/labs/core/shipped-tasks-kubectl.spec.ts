import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ClientNodeClusterAdapter } from '../../cluster/client-node-cluster-adapter.js';
import { startSandboxCluster, type SandboxClusterHandle } from '../../sandbox-cluster/index.js';
import { loadTasks } from './task-loader.js';
import type { SolutionStep, TaskDefinition } from './task-types.js';
import { converge, failedChecks, runKubectlLines, runnableLines } from './testing/kubectl-lines.js';

/**
 * The `kubectl` lines of each reference solution are what a learner reads: run them with a
 * real kubectl and the candidate's kubeconfig, and they must score 100 % too (and the wrong
 * solution's lines, where given, fail exactly as declared). Tasks whose lines need a file of
 * their own (`-f something.yaml`) are covered by the manifest spec and the kubectl matrix spec.
 */
const run = promisify(execFile);
const kubectl = process.env.KUBECTL ?? 'kubectl';
const available = await run(kubectl, ['version', '--client']).then(
  () => true,
  () => false,
);
const tasks = loadTasks();
const selfContained = (step: SolutionStep) => runnableLines(step, { withFiles: false });

const cluster: SandboxClusterHandle | null = available ? await startSandboxCluster({ port: 0 }) : null;
const admin = cluster ? new ClientNodeClusterAdapter(cluster.kubeconfig()) : null;
const dir = mkdtempSync(join(tmpdir(), 'labs-kubectl-'));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  admin?.close();
  await cluster?.close();
});

let counter = 0;
async function runLines(task: TaskDefinition, step: SolutionStep): Promise<string> {
  counter += 1;
  const ns = `k${counter}-${task.id}`.slice(0, 63);
  await runKubectlLines({ admin: admin!, kubectl, dir, namespace: ns, task, step });
  return ns;
}

describe('shipped lab tasks: the kubectl reference lines', () => {
  it('has a kubectl to run (set KUBECTL), or skips the cases below', () => {
    expect(typeof available).toBe('boolean');
  });

  for (const task of tasks) {
    // Skipped when no kubectl is installed, or when the lines need a manifest file.
    const canRun = available && selfContained(task.solution);
    (canRun ? it : it.skip)(`${task.id}: kubectl lines score 100 %${canRun ? '' : ' [skipped: no kubectl, or lines need files]'}`, async () => {
      const ns = await runLines(task, task.solution);
      try {
        const r = await converge(admin!, task, ns, (x) => x.percentage === 100);
        expect(failedChecks(r)).toEqual([]);
      } finally {
        await admin!.deleteNamespace(ns);
      }
    });
    if (available && selfContained(task.wrongSolution)) {
      it(`${task.id}: wrong kubectl lines fail exactly ${task.wrongSolution.expectFailed.join(', ')}`, async () => {
        const ns = await runLines(task, task.wrongSolution);
        const expected = [...task.wrongSolution.expectFailed].sort();
        try {
          const r = await converge(admin!, task, ns, (x) => JSON.stringify(x.checks.filter((c) => !c.passed).map((c) => c.id).sort()) === JSON.stringify(expected));
          expect(r.checks.filter((c) => !c.passed).map((c) => c.id).sort()).toEqual(expected);
        } finally {
          await admin!.deleteNamespace(ns);
        }
      });
    }
  }
});
