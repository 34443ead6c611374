import { AppsV1Api, CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import type { SandboxClusterHandle } from '../../index.js';
import { deploymentManifest, startTestCluster } from '../../testing/test-support.js';

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, ms = 3000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('ReplicaSets and Deployments through client-node (real clock)', () => {
  let cluster: SandboxClusterHandle;
  let core: CoreV1Api;
  let apps: AppsV1Api;
  const ns = 'dep';
  const pods = async (selector: string) => (await core.listNamespacedPod({ namespace: ns, labelSelector: selector })).items;
  const readyPods = async (selector: string) =>
    (await pods(selector)).filter((p) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'));

  beforeAll(async () => {
    cluster = await startTestCluster();
    const kc = new KubeConfig();
    kc.loadFromString(cluster.kubeconfig());
    core = kc.makeApiClient(CoreV1Api);
    apps = kc.makeApiClient(AppsV1Api);
    await core.createNamespace({ body: { metadata: { name: ns } } });
  });
  afterAll(() => cluster.close());

  it('brings 3 replicas Ready on distinct nodes within a second, and replaces a deleted pod', async () => {
    const t0 = Date.now();
    await apps.createNamespacedDeployment({ namespace: ns, body: deploymentManifest('web', ns, { replicas: 3 }) });
    const ready = await until('3 ready', async () => {
      const r = await readyPods('app=web');
      return r.length === 3 && r;
    });
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(new Set(ready.map((p) => p.spec?.nodeName)).size).toBe(3);
    const d = await until('status', async () => {
      const x = await apps.readNamespacedDeployment({ name: 'web', namespace: ns });
      return x.status?.availableReplicas === 3 && x;
    });
    expect(d.metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    expect(d.status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3 });
    expect(d.status?.conditions?.map((c) => [c.type, c.status, c.reason])).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable'],
      ['Progressing', 'True', 'NewReplicaSetAvailable'],
    ]);
    const victim = ready[0]!.metadata!.name!;
    await core.deleteNamespacedPod({ name: victim, namespace: ns });
    const after = await until('replacement', async () => {
      const r = await readyPods('app=web');
      return r.length === 3 && !r.some((p) => p.metadata?.name === victim) && r;
    });
    expect(after).toHaveLength(3);
  });

  it('scales to 5 and back to 3', async () => {
    await apps.patchNamespacedDeploymentScale(
      { name: 'web', namespace: ns, body: { spec: { replicas: 5 } } },
      { middleware: [], headers: { 'Content-Type': 'application/merge-patch+json' } } as never,
    ).catch(async () => {
      const d = await apps.readNamespacedDeployment({ name: 'web', namespace: ns });
      d.spec!.replicas = 5;
      await apps.replaceNamespacedDeployment({ name: 'web', namespace: ns, body: d });
    });
    await until('5 ready', async () => (await readyPods('app=web')).length === 5);
    const d = await apps.readNamespacedDeployment({ name: 'web', namespace: ns });
    d.spec!.replicas = 3;
    await apps.replaceNamespacedDeployment({ name: 'web', namespace: ns, body: d });
    await until('back to 3', async () => (await pods('app=web')).length === 3);
  });

  it('rolls out a new image without dropping below maxUnavailable, then rolls back to revision 1', async () => {
    const seen: number[] = [];
    const stop = cluster.core.store.subscribe((e) => {
      if (e.resourceKey !== '/pods' || e.namespace !== ns) return;
      const ready = cluster.core.store.list('/pods', ns).filter((p) => p.metadata.labels?.app === 'web' && p.status?.conditions?.some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True'));
      seen.push(ready.length);
    });
    const d = await apps.readNamespacedDeployment({ name: 'web', namespace: ns });
    d.spec!.template!.spec!.containers[0]!.image = 'nginx:1.26';
    d.spec!.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } };
    await apps.replaceNamespacedDeployment({ name: 'web', namespace: ns, body: d });
    await until('rolled out', async () => {
      const x = await apps.readNamespacedDeployment({ name: 'web', namespace: ns });
      return x.status?.updatedReplicas === 3 && x.status?.replicas === 3 && x.status?.availableReplicas === 3 && (x.status?.observedGeneration ?? 0) >= (x.metadata?.generation ?? 0);
    });
    stop();
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(2);
    const rss = (await apps.listNamespacedReplicaSet({ namespace: ns })).items;
    expect(rss.map((r) => [r.metadata?.annotations?.['deployment.kubernetes.io/revision'], r.spec?.replicas]).sort()).toEqual([
      ['1', 0],
      ['2', 3],
    ]);
    expect((await pods('app=web')).every((p) => p.spec?.containers[0]?.image === 'nginx:1.26')).toBe(true);
    const events = (await core.listNamespacedEvent({ namespace: ns, fieldSelector: 'involvedObject.kind=Deployment' })).items.map((e) => e.reason);
    expect(events).toContain('ScalingReplicaSet');
  });
});
