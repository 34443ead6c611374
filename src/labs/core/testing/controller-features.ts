import type { ClientNodeClusterAdapter } from '../../../cluster/client-node-cluster-adapter.js';
import type { Assertion, TaskDefinition } from '../task-types.js';

/** Cluster behaviour a check depends on beyond storing objects (the sandbox's part 2 controllers). */
export type ControllerFeature = 'deployments' | 'endpoints' | 'jobs' | 'statefulsets' | 'daemonsets' | 'pods';

function featuresOf(a: Assertion, kind: string, out: Set<ControllerFeature>): void {
  if ('podsReady' in a) out.add(kind === 'DaemonSet' ? 'daemonsets' : kind === 'StatefulSet' ? 'statefulsets' : kind === 'Pod' ? 'pods' : 'deployments');
  if ('deploymentRolledOut' in a || 'rolloutHistory' in a) out.add('deployments');
  if ('serviceSelects' in a) out.add('endpoints');
  if ('jobSucceeded' in a) out.add('jobs');
  if ('statefulSetOrdered' in a) out.add('statefulsets');
  if ('all' in a) a.all.forEach((s) => featuresOf(s, kind, out));
  if ('any' in a) a.any.forEach((s) => featuresOf(s, kind, out));
}

export function taskFeatures(task: TaskDefinition): ControllerFeature[] {
  const out = new Set<ControllerFeature>();
  for (const c of task.checks) featuresOf(c.assert, c.target.kind, out);
  return [...out].sort();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitFor(test: () => Promise<boolean>, ms: number, every = 150): Promise<boolean> {
  const until = Date.now() + ms;
  for (;;) {
    if (await test().catch(() => false)) return true;
    if (Date.now() > until) return false;
    await sleep(every);
  }
}

const ready = (p: { status?: { phase?: string; conditions?: Array<{ type?: string; status?: string }> } }) =>
  p.status?.phase === 'Running' && (p.status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');

/**
 * Which controller features this cluster has, found by trying each once in a scratch
 * namespace. Specs skip the cases needing a missing feature instead of failing.
 */
export async function probeControllerFeatures(adapter: ClientNodeClusterAdapter, ms = 4000): Promise<Set<ControllerFeature>> {
  const ns = 'feature-probe';
  await adapter.createLabNamespace(ns);
  const labels = { app: 'probe' };
  const nginx = { containers: [{ name: 'c', image: 'nginx' }] };
  await adapter.apply(ns, [
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bare', labels: { app: 'bare' } }, spec: nginx },
    { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { replicas: 1, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: nginx } } },
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 'probe' }, spec: { selector: labels, ports: [{ port: 80 }] } },
    {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'j' },
      spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'true'] }], restartPolicy: 'Never' } } },
    },
    { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'ds' }, spec: { selector: { matchLabels: { app: 'ds' } }, template: { metadata: { labels: { app: 'ds' } }, spec: nginx } } },
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 'sts' }, spec: { clusterIP: 'None', selector: { app: 'sts' }, ports: [{ port: 80 }] } },
    {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'sts' },
      spec: {
        serviceName: 'sts',
        replicas: 1,
        selector: { matchLabels: { app: 'sts' } },
        template: { metadata: { labels: { app: 'sts' } }, spec: nginx },
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Mi' } } } }],
      },
    },
  ]);
  const pods = (sel: string) => adapter.list(ns, { apiVersion: 'v1', kind: 'Pod', labelSelector: sel });
  const checks: Record<ControllerFeature, () => Promise<boolean>> = {
    pods: async () => (await pods('app=bare')).some(ready),
    deployments: async () => {
      const d = await adapter.get(ns, { apiVersion: 'apps/v1', kind: 'Deployment', name: 'd' });
      return d?.status?.readyReplicas === 1 && (await pods('app=probe')).some(ready);
    },
    endpoints: async () => {
      const ep = await adapter.get(ns, { apiVersion: 'v1', kind: 'Endpoints', name: 'probe' });
      return ((ep?.subsets ?? []) as Array<{ addresses?: unknown[] }>).some((s) => (s.addresses?.length ?? 0) > 0);
    },
    jobs: async () => {
      const j = await adapter.get(ns, { apiVersion: 'batch/v1', kind: 'Job', name: 'j' });
      return (j?.status?.succeeded ?? 0) >= 1;
    },
    daemonsets: async () => (await pods('app=ds')).some(ready),
    statefulsets: async () => {
      const claim = await adapter.get(ns, { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: 'data-sts-0' });
      return claim?.status?.phase === 'Bound' && (await pods('app=sts')).some(ready);
    },
  };
  const found = new Set<ControllerFeature>();
  await Promise.all(
    Object.entries(checks).map(async ([f, check]) => {
      if (await waitFor(check, ms)) found.add(f as ControllerFeature);
    }),
  );
  await adapter.deleteNamespace(ns);
  return found;
}
