import { AppsV1Api, CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { performance } from 'node:perf_hooks';
import { createSandboxClusterCore } from '../core.js';
import { startSandboxCluster } from '../index.js';
import { ManualClock } from '../testing/manual-clock.js';
import { deploymentManifest } from '../testing/test-support.js';
import type { Json } from '../core/types.js';
import type { BenchMetric } from './namespace-scale.bench.js';

const isReady = (p: Json) => !!p.status?.conditions?.some((c: Json) => c.type === 'Ready' && c.status === 'True');

/** Wall time from `create deployment --replicas=3` (client-node) until client-node sees 3 Ready pods, on the real clock. */
async function timeToReady(rounds: number): Promise<number[]> {
  const cluster = await startSandboxCluster({ port: 0 });
  try {
    const kc = new KubeConfig();
    kc.loadFromString(cluster.kubeconfig());
    const core = kc.makeApiClient(CoreV1Api);
    const apps = kc.makeApiClient(AppsV1Api);
    await core.createNamespace({ body: { metadata: { name: 'bench' } } });
    const out: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const name = `web-${i}`;
      const start = performance.now();
      await apps.createNamespacedDeployment({ namespace: 'bench', body: deploymentManifest(name, 'bench', { replicas: 3 }) });
      for (;;) {
        const pods = await core.listNamespacedPod({ namespace: 'bench', labelSelector: `app=${name}` });
        if (pods.items.filter(isReady).length === 3) break;
        if (performance.now() - start > 10_000) throw new Error('deployment never became ready');
        await new Promise((r) => setTimeout(r, 5));
      }
      out.push(performance.now() - start);
    }
    return out;
  } finally {
    await cluster.close();
  }
}

/**
 * Controller CPU (user + system, this process) to take `pods` pods of one Deployment
 * from nothing to Ready, on a stepped clock with enough nodes, without HTTP.
 */
async function controllerCpu(pods: number): Promise<{ cpuMs: number; wallMs: number }> {
  const clock = new ManualClock();
  const nodes = Math.ceil(pods / 100) + 1;
  const core = await createSandboxClusterCore({ clock, simulation: { nodes } });
  try {
    const def = core.registry.forKind('apps', 'Deployment')!;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    core.api.create(def, 'default', deploymentManifest('bulk', 'default', { replicas: pods }));
    for (let i = 0; i < 50; i++) {
      await core.simulation!.settle(10_000);
      const ready = core.store.list('/pods', 'default').filter(isReady).length;
      if (ready === pods) break;
      clock.advance(100);
    }
    const used = process.cpuUsage(cpu0);
    const wallMs = performance.now() - t0;
    const ready = core.store.list('/pods', 'default').filter(isReady).length;
    if (ready !== pods) throw new Error(`only ${ready}/${pods} pods became ready`);
    return { cpuMs: (used.user + used.system) / 1000, wallMs };
  } finally {
    core.close();
  }
}

const round = (x: number) => Math.round(x * 10) / 10;

/** Rows for the bench runner: time to 3 Ready replicas over HTTPS, controller CPU per 1,000 pods. */
export async function benchSandboxControllers(opts: { rounds?: number; pods?: number } = {}): Promise<BenchMetric[]> {
  const samples = await timeToReady(opts.rounds ?? 5);
  const sorted = [...samples].sort((a, b) => a - b);
  const pods = opts.pods ?? 1000;
  const { cpuMs, wallMs } = await controllerCpu(pods);
  return [
    { name: 'sandbox_controllers.deployment_3_ready_p50', value: round(sorted[Math.floor((sorted.length - 1) / 2)]!), unit: 'ms' },
    { name: 'sandbox_controllers.deployment_3_ready_max', value: round(sorted[sorted.length - 1]!), unit: 'ms' },
    { name: 'sandbox_controllers.cpu_per_1000_pods', value: round((cpuMs * 1000) / pods), unit: 'ms' },
    { name: 'sandbox_controllers.wall_per_1000_pods', value: round((wallMs * 1000) / pods), unit: 'ms' },
  ];
}
