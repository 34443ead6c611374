import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { stringify } from 'yaml';
import type { ClusterAdapter } from '../../../cluster/cluster-adapter.js';
import { validateTask } from '../check-engine.js';
import type { SolutionStep, TaskDefinition, TaskResult } from '../task-types.js';
import { shellWords } from './shell-words.js';

const run = promisify(execFile);
const FILE_FLAG = /\s-f\s+(\S+)/;

/** Lines a spec can run: plain commands, and `-f name.yaml` only where the step's manifests can stand for the file. */
export function runnableLines(step: SolutionStep, { withFiles }: { withFiles: boolean }): boolean {
  const lines = step.kubectl;
  if (!lines?.length || !lines.every((l) => shellWords(l) !== null)) return false;
  const needFiles = lines.some((l) => FILE_FLAG.test(l));
  return !needFiles || (withFiles && !!step.manifests?.length);
}

/**
 * A lab namespace as a session opens it (quota, setup, candidate ServiceAccount) and the
 * step's kubectl lines run in it with the candidate's kubeconfig; a `-f name.yaml` reads
 * the step's manifests, written to that name in the working folder.
 */
export async function runKubectlLines(opts: { admin: ClusterAdapter; kubectl: string; dir: string; namespace: string; task: TaskDefinition; step: SolutionStep }): Promise<void> {
  const { admin, kubectl, dir, namespace: ns, task, step } = opts;
  await admin.createLabNamespace(ns, { quota: { pods: 20, cpu: '4', memory: '8Gi' } });
  if (task.setup.length) await admin.applyInNamespace(ns, task.setup);
  const access = await admin.createCandidateAccess(ns, { serviceAccount: 'candidate', expirationSeconds: 3600 });
  const cwd = join(dir, ns);
  mkdirSync(cwd, { recursive: true });
  writeFileSync(join(cwd, 'kubeconfig.yaml'), access.kubeconfig);
  for (const line of step.kubectl ?? []) {
    const file = FILE_FLAG.exec(line)?.[1];
    if (file) writeFileSync(join(cwd, file), (step.manifests ?? []).map((m) => stringify(m)).join('---\n'));
    const [, ...args] = shellWords(line)!;
    const env = { ...process.env, HOME: cwd, KUBECONFIG: '' };
    await run(kubectl, ['--kubeconfig', join(cwd, 'kubeconfig.yaml'), '--cache-dir', join(cwd, 'cache'), '--request-timeout=20s', ...args], { cwd, env, timeout: 60_000 }).catch(
      (e: { stderr?: string }) => {
        throw new Error(`${line}\n${e.stderr ?? String(e)}`);
      },
    );
  }
}

/** Validates until `want` holds three times in a row (controllers settle), or 25 s pass. */
export async function converge(admin: ClusterAdapter, task: TaskDefinition, ns: string, want: (r: TaskResult) => boolean): Promise<TaskResult> {
  let last = await validateTask(task, ns, admin);
  let streak = 0;
  const until = Date.now() + 25_000;
  while (Date.now() < until) {
    streak = want(last) ? streak + 1 : 0;
    if (streak >= 3) break;
    await new Promise((r) => setTimeout(r, 250));
    last = await validateTask(task, ns, admin);
  }
  return last;
}

export const failedChecks = (r: TaskResult) => r.checks.filter((c) => !c.passed).map((c) => `${c.id}: ${c.message.en}`);
