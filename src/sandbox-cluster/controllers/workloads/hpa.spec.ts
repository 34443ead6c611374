import { createSandboxClusterCore, type SandboxClusterCore } from '../../core.js';
import type { Json } from '../../core/types.js';
import { ManualClock } from '../../testing/manual-clock.js';
import { deploymentManifest } from '../../testing/test-support.js';

describe('HorizontalPodAutoscaler on the simulated CPU metric', () => {
  let core: SandboxClusterCore;
  let clock: ManualClock;
  const step = async (ms: number, times = 1) => {
    for (let i = 0; i < times; i++) {
      clock.advance(ms);
      await core.simulation!.settle();
    }
  };
  const def = (k: string, g = 'apps') => core.registry.forKind(g, k)!;
  const annotateAll = (value: string) => {
    for (const p of core.store.list('/pods', 'default')) {
      core.api.update(def('Pod', ''), 'default', p.metadata.name!, { ...p, metadata: { ...p.metadata, annotations: { 'sandbox.kubequiz.io/cpu-utilization': value } } });
    }
  };
  const replicas = () => core.store.get('apps/deployments', 'default', 'web')!.spec.replicas;
  beforeEach(async () => {
    clock = new ManualClock();
    core = await createSandboxClusterCore({ clock });
  });
  afterEach(() => core.close());

  it('scales up when utilization is above target and down after the stabilization window', async () => {
    const d = deploymentManifest('web', 'default', { replicas: 2 });
    d.spec.template.spec.containers[0].resources = { requests: { cpu: '100m' } };
    core.api.create(def('Deployment'), 'default', d);
    core.api.create(def('HorizontalPodAutoscaler', 'autoscaling'), 'default', {
      metadata: { name: 'web' },
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 5, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }] },
    });
    await step(250, 2);
    expect(replicas()).toBe(2);
    annotateAll('85');
    await step(0);
    expect(replicas()).toBe(4);
    const hpa = core.store.get('autoscaling/horizontalpodautoscalers', 'default', 'web')!;
    expect(hpa.status).toMatchObject({ desiredReplicas: 4, currentMetrics: [{ resource: { current: { averageUtilization: 85 } } }] });
    expect(hpa.status.conditions.map((c: Json) => c.type)).toEqual(['AbleToScale', 'ScalingActive', 'ScalingLimited']);
    await step(250, 2);
    annotateAll('10');
    await step(15_000);
    expect(replicas()).toBe(4);
    await step(15_000, 21);
    expect(replicas()).toBe(1);
    const reasons = core.store.list('/events', 'default').filter((e) => e.involvedObject.kind === 'HorizontalPodAutoscaler').map((e) => e.message);
    expect(reasons).toEqual(expect.arrayContaining(['New size: 4; reason: cpu resource utilization (percentage of request) above target', 'New size: 1; reason: All metrics below target']));
  });

  it('reports a missing CPU request instead of scaling', async () => {
    core.api.create(def('Deployment'), 'default', deploymentManifest('web', 'default', { replicas: 1 }));
    core.api.create(def('HorizontalPodAutoscaler', 'autoscaling'), 'default', {
      metadata: { name: 'web' },
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, maxReplicas: 3, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }] },
    });
    await step(250, 2);
    await step(15_000);
    const hpa = core.store.get('autoscaling/horizontalpodautoscalers', 'default', 'web')!;
    expect(hpa.status.conditions.find((c: Json) => c.type === 'ScalingActive')).toMatchObject({ status: 'False', reason: 'FailedGetResourceMetric' });
    expect(core.store.list('/events', 'default').some((e) => e.reason === 'FailedGetResourceMetric')).toBe(true);
  });
});
