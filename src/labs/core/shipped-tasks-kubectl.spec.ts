import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ClientNodeClusterAdapter } from '../../cluster/client-node-cluster-adapter.js';
import { startSandboxCluster, type SandboxClusterHandle } from '../../sandbox-cluster/index.js';
import { validateTask } from './check-engine.js';
import { loadTasks } from './task-loader.js';
import type { TaskDefinition, TaskResult } from './task-types.js';
import { shellWords } from './testing/shell-words.js';

/**
 * The `kubectl` lines of each reference solution are what a learner reads: run them with a
 * real kubectl and the candidate's kubeconfig, and they must score 100 % too (and the wrong
 * solution's lines, where given, fail exactly as declared). Tasks whose lines need a file of
 * their own (`-f something.yaml`) are covered by the manifest spec only.
 */
const run = promisify(execFile);
const kubectl = process.env.KUBECTL ?? 'kubectl';
const available = await run(kubectl, ['version', '--client']).then(
  () => true,
  () => false,
);
const tasks = loadTasks();
const selfContained = (lines: string[] | undefined) => !!lines?.length && lines.every((l) => !/\s-f\s/.test(l) && shellWords(l) !== null);

const cluster: SandboxClusterHandle | null = available ? await startSandboxCluster({ port: 0 }) : null;
const admin = cluster ? new ClientNodeClusterAdapter(cluster.kubeconfig()) : null;
const dir = mkdtempSync(join(tmpdir(), 'labs-kubectl-'));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  admin?.close();
  await cluster?.close();
});

let counter = 0;
async function runLines(task: TaskDefinition, lines: string[]): Promise<string> {
  counter += 1;
  const ns = `k${counter}-${task.id}`.slice(0, 63);
  await admin!.createLabNamespace(ns, { quota: { pods: 20, cpu: '4', memory: '8Gi' } });
  if (task.setup.length) await admin!.applyInNamespace(ns, task.setup);
  const access = await admin!.createCandidateAccess(ns, { serviceAccount: 'candidate', expirationSeconds: 3600 });
  const kubeconfig = join(dir, `${ns}.yaml`);
  writeFileSync(kubeconfig, access.kubeconfig);
  for (const line of lines) {
    const [, ...args] = shellWords(line)!;
    await run(kubectl, ['--kubeconfig', kubeconfig, '--request-timeout=20s', ...args], { timeout: 60_000 }).catch((e: { stderr?: string }) => {
      throw new Error(`${line}\n${e.stderr ?? String(e)}`);
    });
  }
  return ns;
}

async function converge(task: TaskDefinition, ns: string, want: (r: TaskResult) => boolean): Promise<TaskResult> {
  let last = await validateTask(task, ns, admin!);
  let streak = 0;
  const until = Date.now() + 25_000;
  while (Date.now() < until) {
    streak = want(last) ? streak + 1 : 0;
    if (streak >= 3) break;
    await new Promise((r) => setTimeout(r, 250));
    last = await validateTask(task, ns, admin!);
  }
  return last;
}

const failed = (r: TaskResult) => r.checks.filter((c) => !c.passed).map((c) => `${c.id}: ${c.message.en}`);

describe('shipped lab tasks: the kubectl reference lines', () => {
  it('has a kubectl to run (set KUBECTL), or skips the cases below', () => {
    expect(typeof available).toBe('boolean');
  });

  for (const task of tasks) {
    // Skipped when no kubectl is installed, or when the lines need a manifest file.
    const canRun = available && selfContained(task.solution.kubectl);
    (canRun ? it : it.skip)(`${task.id}: kubectl lines score 100 %${canRun ? '' : ' [skipped: no kubectl, or lines need files]'}`, async () => {
      const ns = await runLines(task, task.solution.kubectl!);
      try {
        const r = await converge(task, ns, (x) => x.percentage === 100);
        expect(failed(r)).toEqual([]);
      } finally {
        await admin!.deleteNamespace(ns);
      }
    });
    if (task.wrongSolution.kubectl && available && selfContained(task.wrongSolution.kubectl)) {
      it(`${task.id}: wrong kubectl lines fail exactly ${task.wrongSolution.expectFailed.join(', ')}`, async () => {
        const ns = await runLines(task, task.wrongSolution.kubectl!);
        const expected = [...task.wrongSolution.expectFailed].sort();
        try {
          const r = await converge(task, ns, (x) => JSON.stringify(x.checks.filter((c) => !c.passed).map((c) => c.id).sort()) === JSON.stringify(expected));
          expect(r.checks.filter((c) => !c.passed).map((c) => c.id).sort()).toEqual(expected);
        } finally {
          await admin!.deleteNamespace(ns);
        }
      });
    }
  }
});
