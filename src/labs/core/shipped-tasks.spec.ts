import { ClientNodeClusterAdapter } from '../../cluster/client-node-cluster-adapter.js';
import { startSandboxCluster, type SandboxClusterHandle } from '../../sandbox-cluster/index.js';
import { validateTask } from './check-engine.js';
import { loadTasks } from './task-loader.js';
import type { SolutionStep, TaskDefinition, TaskResult } from './task-types.js';
import { probeControllerFeatures, taskFeatures, waitFor, type ControllerFeature } from './testing/controller-features.js';

/**
 * Every shipped task, end to end on a real sandbox: setup, then the reference solution applied
 * with the candidate's own kubeconfig scores 100 %, and the plausible wrong solution fails
 * exactly the checks it names, each with its hint. Cases whose checks need a controller the
 * sandbox does not run yet are skipped, named with the missing feature.
 */
const tasks = loadTasks();
const cluster: SandboxClusterHandle = await startSandboxCluster({ port: 0 });
const admin = new ClientNodeClusterAdapter(cluster.kubeconfig());
const features: Set<ControllerFeature> = await probeControllerFeatures(admin);
afterAll(async () => {
  admin.close();
  await cluster.close();
});

/** Long enough for rollouts, Jobs and StatefulSets on the sandbox's short simulated delays. */
const CONVERGE_MS = 25_000;
let counter = 0;

async function prepare(task: TaskDefinition): Promise<{ ns: string; candidate: ClientNodeClusterAdapter }> {
  counter += 1;
  const ns = `t${counter}-${task.id}`.slice(0, 63);
  await admin.createLabNamespace(ns, {
    labels: { 'kubequiz.io/task': task.id },
    quota: { pods: 20, cpu: '4', memory: '8Gi', services: 10, persistentVolumeClaims: 10 },
    limitRange: { defaultCpu: '500m', defaultMemory: '256Mi', defaultRequestCpu: '100m', defaultRequestMemory: '64Mi' },
  });
  if (task.setup.length) await admin.applyInNamespace(ns, task.setup);
  const access = await admin.createCandidateAccess(ns, { serviceAccount: 'candidate', expirationSeconds: 3600 });
  return { ns, candidate: new ClientNodeClusterAdapter(access.kubeconfig, { fieldManager: 'candidate' }) };
}

/** Deployments have caught up with their spec (so a following step sees a finished rollout). */
async function settled(ns: string): Promise<boolean> {
  const deployments = await admin.list(ns, { apiVersion: 'apps/v1', kind: 'Deployment' });
  return deployments.every((d) => {
    const s = d.status ?? {};
    const want = d.spec?.replicas ?? 1;
    return s.observedGeneration >= (d.metadata?.generation ?? 0) && (s.updatedReplicas ?? 0) === want && (s.replicas ?? 0) === want;
  });
}

async function applySolution(ns: string, candidate: ClientNodeClusterAdapter, solution: SolutionStep & { steps?: SolutionStep[] }): Promise<void> {
  const steps = solution.steps ?? [solution];
  for (const [i, step] of steps.entries()) {
    if (i > 0) await waitFor(() => settled(ns), CONVERGE_MS);
    await candidate.apply(ns, step.manifests ?? []);
  }
}

const failedIds = (r: TaskResult) => r.checks.filter((c) => !c.passed).map((c) => c.id);
const describeResult = (r: TaskResult) => r.checks.map((c) => `${c.passed ? '✓' : '✗'} ${c.id}: ${c.message.en}`).join('\n');

/** Polls until the verdict is `want` three times in a row (a converged cluster, not a passing moment). */
async function converge(task: TaskDefinition, ns: string, want: (r: TaskResult) => boolean): Promise<TaskResult> {
  let last = await validateTask(task, ns, admin);
  let streak = 0;
  const until = Date.now() + CONVERGE_MS;
  while (Date.now() < until) {
    streak = want(last) ? streak + 1 : 0;
    if (streak >= 3) break;
    await new Promise((r) => setTimeout(r, 250));
    last = await validateTask(task, ns, admin);
  }
  return last;
}

describe('shipped lab tasks on the sandbox cluster', () => {
  it('loads all shipped tasks', () => {
    expect(tasks.length).toBeGreaterThanOrEqual(12);
  });

  for (const task of tasks) {
    const missing = taskFeatures(task).filter((f) => !features.has(f));
    // Skipped only while the sandbox lacks a controller these checks need (part 2 in progress).
    const run = missing.length ? it.skip : it;
    const why = missing.length ? ` [skipped: sandbox has no ${missing.join(', ')} controller yet]` : '';

    run(`${task.id}: the reference solution scores 100 %${why}`, async () => {
      const { ns, candidate } = await prepare(task);
      try {
        await applySolution(ns, candidate, task.solution);
        const result = await converge(task, ns, (r) => r.percentage === 100);
        expect({ percentage: result.percentage, checks: describeResult(result) }).toEqual({ percentage: 100, checks: expect.any(String) });
      } finally {
        candidate.close();
        await admin.deleteNamespace(ns);
      }
    });

    run(`${task.id}: the wrong solution fails exactly ${task.wrongSolution.expectFailed.join(', ')}${why}`, async () => {
      const { ns, candidate } = await prepare(task);
      const expected = [...task.wrongSolution.expectFailed].sort();
      try {
        await applySolution(ns, candidate, task.wrongSolution);
        const result = await converge(task, ns, (r) => JSON.stringify([...failedIds(r)].sort()) === JSON.stringify(expected));
        expect({ failed: [...failedIds(result)].sort(), checks: describeResult(result) }).toEqual({ failed: expected, checks: expect.any(String) });
        for (const c of result.checks.filter((x) => !x.passed)) {
          expect(c.hint).toEqual(task.checks.find((d) => d.id === c.id)?.hint);
          expect(c.message.en.length).toBeGreaterThan(0);
          expect(c.message.zh.length).toBeGreaterThan(0);
        }
        expect(result.checks.filter((c) => c.passed).every((c) => c.hint === null)).toBe(true);
      } finally {
        candidate.close();
        await admin.deleteNamespace(ns);
      }
    });
  }
});
