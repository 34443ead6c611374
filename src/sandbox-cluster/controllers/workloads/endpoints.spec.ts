import { createSandboxClusterCore, type SandboxClusterCore } from '../../core.js';
import type { Json } from '../../core/types.js';
import { ManualClock } from '../../testing/manual-clock.js';

describe('Endpoints and EndpointSlices follow pod readiness', () => {
  let core: SandboxClusterCore;
  let clock: ManualClock;
  const step = async (ms: number) => {
    clock.advance(ms);
    await core.simulation!.settle();
  };
  beforeAll(async () => {
    clock = new ManualClock();
    core = await createSandboxClusterCore({ clock });
  });
  afterAll(() => core.close());

  it('lists not-ready pods as notReadyAddresses until their probe passes, and drops deleted pods', async () => {
    const def = (k: string, g = '') => core.registry.forKind(g, k)!;
    core.api.create(def('Service'), 'default', { metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] } });
    for (const name of ['a', 'b']) {
      core.api.create(def('Pod'), 'default', {
        metadata: { name, labels: { app: 'web' } },
        spec: { containers: [{ name: 'main', image: 'nginx', ports: [{ name: 'http', containerPort: 8080 }], readinessProbe: { tcpSocket: { port: 8080 }, initialDelaySeconds: 10 } }] },
      });
    }
    await step(0);
    await step(300);
    let ep = core.store.get('/endpoints', 'default', 'web')!;
    expect(ep.subsets).toEqual([{ notReadyAddresses: expect.any(Array), ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] }]);
    expect(ep.subsets[0].notReadyAddresses).toHaveLength(2);
    await step(10_000);
    ep = core.store.get('/endpoints', 'default', 'web')!;
    expect(ep.subsets[0].addresses.map((a: Json) => a.targetRef.name).sort()).toEqual(['a', 'b']);
    const slice = core.store.list('discovery.k8s.io/endpointslices', 'default').find((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web')!;
    expect(slice.endpoints.map((e: Json) => e.conditions.ready)).toEqual([true, true]);
    expect(slice.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
    core.api.delete(def('Pod'), 'default', 'a');
    await step(0);
    ep = core.store.get('/endpoints', 'default', 'web')!;
    expect(ep.subsets[0].addresses.map((a: Json) => a.targetRef.name)).toEqual(['b']);
  });
});
