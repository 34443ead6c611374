import { createSandboxClusterCore, type SandboxClusterCore } from '../../core.js';
import { ManualClock } from '../../testing/manual-clock.js';
import { deploymentManifest } from '../../testing/test-support.js';

describe('garbage collection and namespace deletion', () => {
  let core: SandboxClusterCore;
  let clock: ManualClock;
  const step = async (ms: number, times = 1) => {
    for (let i = 0; i < times; i++) {
      clock.advance(ms);
      await core.simulation!.settle();
    }
  };
  const def = (k: string, g = 'apps') => core.registry.forKind(g, k)!;
  const count = (key: string, ns = 'gc') => core.store.count(key, ns);
  beforeEach(async () => {
    clock = new ManualClock();
    core = await createSandboxClusterCore({ clock });
    core.api.create(def('Namespace', ''), '', { metadata: { name: 'gc' } });
    await step(0);
  });
  afterEach(() => core.close());

  it.each(['Background', 'Foreground'] as const)('deletes a Deployment with its ReplicaSets and pods (%s)', async (policy) => {
    core.api.create(def('Deployment'), 'gc', deploymentManifest('web', 'gc', { replicas: 2 }));
    await step(250, 2);
    expect(count('/pods')).toBe(2);
    const res = core.api.delete(def('Deployment'), 'gc', 'web', { propagationPolicy: policy });
    expect(res.pending).toBe(policy === 'Foreground');
    await step(0);
    expect([count('apps/deployments'), count('apps/replicasets'), count('/pods')]).toEqual([0, 0, 0]);
  });

  it('orphans dependents when asked', async () => {
    core.api.create(def('Deployment'), 'gc', deploymentManifest('web', 'gc', { replicas: 2 }));
    await step(250, 2);
    core.api.delete(def('Deployment'), 'gc', 'web', { propagationPolicy: 'Orphan' });
    await step(0);
    expect(count('apps/deployments')).toBe(0);
    const [rs] = core.store.list('apps/replicasets', 'gc');
    expect(rs!.metadata.ownerReferences).toBeUndefined();
    expect(count('/pods')).toBe(2);
  });

  it('removes everything in a deleted namespace, then the namespace', async () => {
    core.api.create(def('Deployment'), 'gc', deploymentManifest('web', 'gc', { replicas: 2 }));
    core.api.create(def('Service', ''), 'gc', { metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    core.api.create(def('PersistentVolumeClaim', ''), 'gc', { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } });
    core.api.create(def('CronJob', 'batch'), 'gc', { metadata: { name: 'cj' }, spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox', command: ['true'] }] } } } } } });
    await step(60_000);
    await step(250, 3);
    expect(core.store.list('/persistentvolumes')).toHaveLength(1);
    core.api.delete(def('Namespace', ''), '', 'gc');
    await step(0);
    await step(100, 2);
    expect(core.store.get('/namespaces', '', 'gc')).toBeUndefined();
    for (const key of core.store.resourceKeys()) expect([key, core.store.count(key, 'gc')]).toEqual([key, 0]);
    expect(core.store.list('/persistentvolumes')).toHaveLength(0);
  });
});
