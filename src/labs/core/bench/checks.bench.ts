import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { ClientNodeClusterAdapter } from '../../../cluster/client-node-cluster-adapter.js';
import { startSandboxCluster } from '../../../sandbox-cluster/index.js';
import { validateTask } from '../check-engine.js';
import type { CheckDefinition, TaskDefinition } from '../task-types.js';

const run = promisify(execFile);

export interface BenchMetric {
  name: string;
  value: number;
  unit: string;
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[idx]! * 1000) / 1000;
}

const t = { zh: '检查', en: 'check' };
const check = (id: string, kind: string, apiVersion: string, name: string, path: string, equals: string | number): CheckDefinition => ({
  id,
  title: t,
  weight: 1,
  hint: t,
  section: '5.3',
  target: { apiVersion, kind, name },
  assert: { field: { path, equals } },
});

/** Ten field checks over four objects, the shape of a typical lab task. */
export const benchTask: TaskDefinition = {
  id: 'bench',
  title: t,
  instructions: t,
  sections: ['5.3'],
  timeLimitMinutes: 10,
  setup: [],
  solution: { manifests: [] },
  wrongSolution: { manifests: [], expectFailed: ['replicas'] },
  checks: [
    check('replicas', 'Deployment', 'apps/v1', 'web', 'spec.replicas', 3),
    check('image', 'Deployment', 'apps/v1', 'web', "spec.template.spec.containers[?(@.name=='web')].image", 'nginx:1.27'),
    check('label', 'Deployment', 'apps/v1', 'web', 'metadata.labels.tier', 'frontend'),
    check('pod-label', 'Deployment', 'apps/v1', 'web', 'spec.template.metadata.labels.tier', 'frontend'),
    check('strategy', 'Deployment', 'apps/v1', 'web', 'spec.strategy.type', 'RollingUpdate'),
    check('svc-type', 'Service', 'v1', 'web', 'spec.type', 'ClusterIP'),
    check('svc-port', 'Service', 'v1', 'web', 'spec.ports[0].port', 80),
    check('svc-selector', 'Service', 'v1', 'web', 'spec.selector.app', 'web'),
    check('config', 'ConfigMap', 'v1', 'settings', 'data.mode', 'lab'),
    check('secret-type', 'Secret', 'v1', 'creds', 'type', 'Opaque'),
  ],
};

const manifests = [
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels: { app: 'web', tier: 'frontend' } },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web', tier: 'frontend' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } },
    },
  },
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } },
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { mode: 'lab' } },
  { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds' }, type: 'Opaque', stringData: { password: 'x' } },
];

/**
 * How script-based lab platforms check: one `kubectl get … -o jsonpath` process per check,
 * run one after another, output compared as text.
 */
async function kubectlChecks(kubectl: string, kubeconfig: string, namespace: string, task: TaskDefinition): Promise<number> {
  let passed = 0;
  for (const c of task.checks) {
    const a = c.assert as { field: { path: string; equals: unknown } };
    const { stdout } = await run(kubectl, ['--kubeconfig', kubeconfig, '-n', namespace, 'get', `${c.target.kind.toLowerCase()}/${c.target.name}`, '-o', `jsonpath={.${a.field.path}}`]);
    if (stdout.trim() === String(a.field.equals)) passed += 1;
  }
  return passed;
}

export interface BenchChecksOptions {
  adapterSamples?: number;
  kubectlSamples?: number;
  /** kubectl binary; default $KUBECTL or `kubectl` on PATH. The kubectl rows are left out if it cannot run. */
  kubectl?: string;
}

/** Validating a 10-check task through the adapter, beside the kubectl-per-check way, on one sandbox. */
export async function benchChecksWith(opts: BenchChecksOptions = {}): Promise<BenchMetric[]> {
  const cluster = await startSandboxCluster({ port: 0 });
  const adapter = new ClientNodeClusterAdapter(cluster.kubeconfig());
  const dir = mkdtempSync(join(tmpdir(), 'labs-bench-'));
  try {
    const ns = 'bench-checks';
    await adapter.createLabNamespace(ns);
    await adapter.apply(ns, manifests);
    const adapterMs: number[] = [];
    // Warm-up: discovery and the TLS connection are paid once per adapter, not per validation.
    const warm = await validateTask(benchTask, ns, adapter);
    if (warm.percentage !== 100) throw new Error(`bench task does not pass: ${JSON.stringify(warm.checks.filter((c) => !c.passed))}`);
    for (let i = 0; i < (opts.adapterSamples ?? 200); i++) {
      const start = performance.now();
      await validateTask(benchTask, ns, adapter);
      adapterMs.push(performance.now() - start);
    }
    const metrics: BenchMetric[] = [
      { name: 'labs_checks.checks_per_task', value: benchTask.checks.length, unit: 'count' },
      { name: 'labs_checks.adapter_validate_p50', value: percentile(adapterMs, 50), unit: 'ms' },
      { name: 'labs_checks.adapter_validate_p99', value: percentile(adapterMs, 99), unit: 'ms' },
    ];
    const kubectl = opts.kubectl ?? process.env.KUBECTL ?? 'kubectl';
    const kubeconfig = join(dir, 'kubeconfig.yaml');
    writeFileSync(kubeconfig, cluster.kubeconfig());
    const usable = await run(kubectl, ['version', '--client']).then(
      () => true,
      () => false,
    );
    if (!usable) return metrics;
    const kubectlMs: number[] = [];
    for (let i = 0; i < (opts.kubectlSamples ?? 10); i++) {
      const start = performance.now();
      const passed = await kubectlChecks(kubectl, kubeconfig, ns, benchTask);
      kubectlMs.push(performance.now() - start);
      if (passed !== benchTask.checks.length) throw new Error(`kubectl checks: ${passed} of ${benchTask.checks.length} passed`);
    }
    const p50 = percentile(kubectlMs, 50);
    metrics.push(
      { name: 'labs_checks.kubectl_validate_p50', value: p50, unit: 'ms' },
      { name: 'labs_checks.kubectl_validate_p99', value: percentile(kubectlMs, 99), unit: 'ms' },
      { name: 'labs_checks.kubectl_over_adapter_p50', value: Math.round((p50 / percentile(adapterMs, 50)) * 10) / 10, unit: 'x' },
    );
    return metrics;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    adapter.close();
    await cluster.close();
  }
}

/** As `npm run bench` would run it. */
export function benchChecks(): Promise<BenchMetric[]> {
  return benchChecksWith({ adapterSamples: 200, kubectlSamples: 10 });
}

