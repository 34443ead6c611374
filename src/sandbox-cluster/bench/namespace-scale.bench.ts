import { AppsV1Api, CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { performance } from 'node:perf_hooks';
import { startSandboxCluster } from '../index.js';

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

function heapUsed(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

async function timed(samples: number[], fn: () => Promise<unknown>): Promise<void> {
  const start = performance.now();
  await fn();
  samples.push(performance.now() - start);
}

/**
 * Creates `namespaces` namespaces, each with a Deployment, a Service and a ConfigMap,
 * through @kubernetes/client-node, then measures heap per namespace and list/get latency.
 * Heap figures are steadier when node runs with --expose-gc.
 */
export async function benchSandboxScaleWith(opts: { namespaces: number; samples?: number; concurrency?: number }): Promise<BenchMetric[]> {
  const cluster = await startSandboxCluster({ port: 0 });
  try {
    const baseline = heapUsed();
    const measured = await drive(cluster.kubeconfig(), opts);
    // The client runs in this process too, and @kubernetes/client-node leaves one idle
    // keep-alive connection per call: drop those and collect the client's garbage first.
    cluster.closeIdleConnections();
    await new Promise((r) => setTimeout(r, 1000));
    const heapPerNamespace = Math.round((heapUsed() - baseline) / opts.namespaces);
    return measured.map((m) => (m.name === 'sandbox_scale.heap_per_namespace' ? { ...m, value: heapPerNamespace } : m));
  } finally {
    await cluster.close();
  }
}

async function drive(kubeconfig: string, opts: { namespaces: number; samples?: number; concurrency?: number }): Promise<BenchMetric[]> {
  {
    const kc = new KubeConfig();
    kc.loadFromString(kubeconfig);
    const core = kc.makeApiClient(CoreV1Api);
    const apps = kc.makeApiClient(AppsV1Api);
    const names = Array.from({ length: opts.namespaces }, (_, i) => `bench-${String(i).padStart(4, '0')}`);
    const createSamples: number[] = [];
    const setupStart = performance.now();
    const concurrency = opts.concurrency ?? 8;
    for (let i = 0; i < names.length; i += concurrency) {
      await Promise.all(
        names.slice(i, i + concurrency).map((ns) =>
          timed(createSamples, async () => {
            await core.createNamespace({ body: { metadata: { name: ns, labels: { bench: 'scale' } } } });
            await apps.createNamespacedDeployment({
              namespace: ns,
              body: {
                metadata: { name: 'web', labels: { app: 'web' } },
                spec: {
                  replicas: 2,
                  selector: { matchLabels: { app: 'web' } },
                  template: {
                    metadata: { labels: { app: 'web' } },
                    spec: { containers: [{ name: 'web', image: 'nginx:1.25', ports: [{ containerPort: 80 }], resources: { requests: { cpu: '100m', memory: '64Mi' } } }] },
                  },
                },
              },
            });
            await core.createNamespacedService({ namespace: ns, body: { metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80 }] } } });
            await core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: 'settings' }, data: { mode: 'bench', level: '3' } } });
          }),
        ),
      );
    }
    const setupMs = performance.now() - setupStart;
    const samples = opts.samples ?? 200;
    const pick = (i: number) => names[(i * 7919) % names.length]!;
    const listSamples: number[] = [];
    const getSamples: number[] = [];
    const listAllSamples: number[] = [];
    for (let i = 0; i < samples; i++) {
      await timed(listSamples, () => apps.listNamespacedDeployment({ namespace: pick(i) }));
      await timed(getSamples, () => core.readNamespacedConfigMap({ name: 'settings', namespace: pick(i + 1) }));
    }
    for (let i = 0; i < Math.max(5, Math.floor(samples / 20)); i++) {
      await timed(listAllSamples, () => core.listServiceForAllNamespaces({ labelSelector: '' }));
    }
    return [
      { name: 'sandbox_scale.namespaces', value: names.length, unit: 'count' },
      { name: 'sandbox_scale.setup_total', value: Math.round(setupMs), unit: 'ms' },
      { name: 'sandbox_scale.namespace_bundle_create_p50', value: percentile(createSamples, 50), unit: 'ms' },
      { name: 'sandbox_scale.heap_per_namespace', value: 0, unit: 'bytes' },
      { name: 'sandbox_scale.list_deployments_p50', value: percentile(listSamples, 50), unit: 'ms' },
      { name: 'sandbox_scale.list_deployments_p99', value: percentile(listSamples, 99), unit: 'ms' },
      { name: 'sandbox_scale.get_configmap_p50', value: percentile(getSamples, 50), unit: 'ms' },
      { name: 'sandbox_scale.get_configmap_p99', value: percentile(getSamples, 99), unit: 'ms' },
      { name: 'sandbox_scale.list_services_all_namespaces_p50', value: percentile(listAllSamples, 50), unit: 'ms' },
    ];
  }
}

/** The benchmark as `npm run bench` runs it: 200 namespaces. */
export function benchSandboxScale(): Promise<BenchMetric[]> {
  return benchSandboxScaleWith({ namespaces: 200, samples: 200 });
}
