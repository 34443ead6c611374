import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClientNodeClusterAdapter } from '../../cluster/client-node-cluster-adapter.js';
import { startSandboxCluster } from '../../sandbox-cluster/index.js';
import { loadTasks } from './task-loader.js';
import { findKubectlMatrix } from './testing/kubectl-binaries.js';
import { converge, failedChecks, runKubectlLines, runnableLines } from './testing/kubectl-lines.js';

/**
 * Every shipped task's kubectl reference lines, run with each kubectl of the matrix (the
 * system one, Debian's 1.20 in CI, and 1.27 … newest from npm), must score 100 % on the
 * sandbox: learners use whatever kubectl they downloaded. 1.32 and later send protobuf
 * request bodies, so this is where a sandbox that only reads JSON shows.
 */
const matrix = await findKubectlMatrix();
const tasks = loadTasks().filter((t) => runnableLines(t.solution, { withFiles: true }));
const cluster = matrix.found.length ? await startSandboxCluster({ port: 0 }) : null;
const admin = cluster ? new ClientNodeClusterAdapter(cluster.kubeconfig()) : null;
const dir = mkdtempSync(join(tmpdir(), 'labs-kubectl-matrix-'));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  admin?.close();
  await cluster?.close();
});

describe('shipped lab tasks: kubectl reference lines across kubectl versions', () => {
  it(`runs ${matrix.found.map((k) => `${k.label} (${k.version})`).join(', ') || 'no kubectl'}`, () => {
    // Missing versions are skipped, not failed; say how to get them.
    if (matrix.missing.length) console.warn(`kubectl matrix: skipped\n  ${matrix.missing.join('\n  ')}`);
    expect(tasks.length).toBeGreaterThanOrEqual(13);
  });

  for (const kubectl of matrix.found) {
    describe(`kubectl ${kubectl.label} (${kubectl.version})`, () => {
      for (const task of tasks) {
        it.concurrent(`${task.id}: kubectl lines score 100 %`, async () => {
          const ns = `${kubectl.label.replace('.', '')}-${task.id}`.slice(0, 63);
          await runKubectlLines({ admin: admin!, kubectl: kubectl.path, dir, namespace: ns, task, step: task.solution });
          try {
            const result = await converge(admin!, task, ns, (r) => r.percentage === 100);
            expect(failedChecks(result)).toEqual([]);
          } finally {
            await admin!.deleteNamespace(ns);
          }
        }, 120_000);
      }
    });
  }
});
