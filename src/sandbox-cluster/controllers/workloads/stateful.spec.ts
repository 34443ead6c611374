import { createSandboxClusterCore, type SandboxClusterCore } from '../../core.js';
import type { Json } from '../../core/types.js';
import { ManualClock } from '../../testing/manual-clock.js';

describe('StatefulSets, DaemonSets and volumes on a stepped clock', () => {
  let core: SandboxClusterCore;
  let clock: ManualClock;
  const step = async (ms: number, times = 1) => {
    for (let i = 0; i < times; i++) {
      clock.advance(ms);
      await core.simulation!.settle();
    }
  };
  const def = (k: string, g = 'apps') => core.registry.forKind(g, k)!;
  beforeEach(async () => {
    clock = new ManualClock();
    core = await createSandboxClusterCore({ clock });
  });
  afterEach(() => core.close());

  it('creates web-0, web-1, web-2 in order, each with its bound claim, and hostnames under the headless Service', async () => {
    core.api.create(def('Service', ''), 'default', { metadata: { name: 'web' }, spec: { clusterIP: 'None', selector: { app: 'web' }, ports: [{ port: 80 }] } });
    core.api.create(def('StatefulSet'), 'default', {
      metadata: { name: 'web' },
      spec: {
        serviceName: 'web',
        replicas: 3,
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx', volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }] }] } },
        volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
      },
    });
    const order: string[] = [];
    const stop = core.store.subscribe((e) => {
      if (e.resourceKey === '/pods' && e.type === 'ADDED') order.push(e.name);
    });
    await step(0);
    expect(core.store.list('/pods', 'default').map((p) => p.metadata.name)).toEqual(['web-0']);
    await step(250, 6);
    stop();
    expect(order).toEqual(['web-0', 'web-1', 'web-2']);
    const claims = core.store.list('/persistentvolumeclaims', 'default');
    expect(claims.map((c) => [c.metadata.name, c.status.phase, c.spec.storageClassName])).toEqual([
      ['www-web-0', 'Bound', 'standard'],
      ['www-web-1', 'Bound', 'standard'],
      ['www-web-2', 'Bound', 'standard'],
    ]);
    expect(core.store.list('/persistentvolumes').every((pv) => pv.status.phase === 'Bound')).toBe(true);
    expect(core.store.get('apps/statefulsets', 'default', 'web')!.status).toMatchObject({ replicas: 3, readyReplicas: 3, updatedReplicas: 3 });
    const ep = core.store.get('/endpoints', 'default', 'web')!;
    expect(ep.subsets[0].addresses.map((a: Json) => a.hostname).sort()).toEqual(['web-0', 'web-1', 'web-2']);
    core.api.delete(def('Pod', ''), 'default', 'web-1');
    await step(250, 2);
    expect(core.store.get('/pods', 'default', 'web-1')!.status.phase).toBe('Running');
    expect(core.store.get('/pods', 'default', 'web-1')!.spec.volumes.find((v: Json) => v.name === 'www').persistentVolumeClaim.claimName).toBe('www-web-1');
  });

  it('runs one DaemonSet pod per eligible node, following taints and new nodes', async () => {
    const node = core.store.get('/nodes', '', 'sandbox-node-3')!;
    core.api.update(def('Node', ''), '', 'sandbox-node-3', { ...node, spec: { ...node.spec, taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] } });
    core.api.create(def('DaemonSet'), 'default', {
      metadata: { name: 'agent' },
      spec: { selector: { matchLabels: { app: 'agent' } }, template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'a', image: 'fluentd' }] } } },
    });
    await step(250, 2);
    const pods = core.store.list('/pods', 'default');
    expect(pods.map((p) => p.spec.nodeName).sort()).toEqual(['sandbox-node-1', 'sandbox-node-2']);
    expect(core.store.get('apps/daemonsets', 'default', 'agent')!.status).toMatchObject({ desiredNumberScheduled: 2, currentNumberScheduled: 2, numberReady: 2 });
    core.api.create(def('Node', ''), '', { metadata: { name: 'extra', labels: { 'kubernetes.io/hostname': 'extra' } }, status: { conditions: [{ type: 'Ready', status: 'True' }], allocatable: { cpu: '2', memory: '4Gi', pods: '110' } } });
    const extra = core.store.get('/nodes', '', 'extra')!;
    core.api.update(def('Node', ''), '', 'extra', { ...extra, status: { conditions: [{ type: 'Ready', status: 'True' }], allocatable: { cpu: '2', memory: '4Gi', pods: '110' } } }, { subresource: 'status' });
    await step(250, 2);
    expect(core.store.list('/pods', 'default').map((p) => p.spec.nodeName).sort()).toEqual(['extra', 'sandbox-node-1', 'sandbox-node-2']);
  });
});
