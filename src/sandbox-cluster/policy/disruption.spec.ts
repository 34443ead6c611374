import type { Json } from '../core/types.js';
import type { SandboxClusterHandle } from '../index.js';
import { call, startTestCluster } from '../testing/test-support.js';

// The API server alone: pods are made Running/Ready by hand, so every budget number is exact.
describe('PodDisruptionBudgets and the eviction subresource', () => {
  let cluster: SandboxClusterHandle;
  const ns = 'pdb';
  const post = (path: string, body: Json) => call(cluster, path, { method: 'POST', body });

  async function pod(name: string, labels: Record<string, string>, state: 'ready' | 'unready' | 'pending', owner?: Json): Promise<void> {
    const metadata: Json = { name, labels, ...(owner ? { ownerReferences: [owner] } : {}) };
    expect((await post(`/api/v1/namespaces/${ns}/pods`, { metadata, spec: { containers: [{ name: 'c', image: 'nginx' }] } })).status).toBe(201);
    if (state === 'pending') return;
    const current = (await call(cluster, `/api/v1/namespaces/${ns}/pods/${name}`)).json;
    current.status = { phase: 'Running', conditions: [{ type: 'Ready', status: state === 'ready' ? 'True' : 'False' }] };
    expect((await call(cluster, `/api/v1/namespaces/${ns}/pods/${name}/status`, { method: 'PUT', body: current })).status).toBe(200);
  }
  const evict = (name: string, extra: Json = {}) =>
    post(`/api/v1/namespaces/${ns}/pods/${name}/eviction`, { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace: ns }, ...extra });
  const budget = async (name: string) => (await call(cluster, `/apis/policy/v1/namespaces/${ns}/poddisruptionbudgets/${name}`)).json;
  const exists = async (name: string) => (await call(cluster, `/api/v1/namespaces/${ns}/pods/${name}`)).status === 200;

  beforeAll(async () => {
    cluster = await startTestCluster({ core: { simulation: false } });
    await post('/api/v1/namespaces', { metadata: { name: ns } });
  });
  afterAll(() => cluster.close());

  it('computes status from ready pods and answers 429 with the budget named when an eviction would break it', async () => {
    for (const n of ['a1', 'a2', 'a3']) await pod(n, { app: 'a' }, 'ready');
    const created = await post(`/apis/policy/v1/namespaces/${ns}/poddisruptionbudgets`, { metadata: { name: 'a' }, spec: { minAvailable: 2, selector: { matchLabels: { app: 'a' } } } });
    expect(created.status).toBe(201);
    expect((await budget('a')).status).toMatchObject({ currentHealthy: 3, desiredHealthy: 2, disruptionsAllowed: 1, expectedPods: 3, observedGeneration: 1 });
    expect((await budget('a')).status.conditions[0]).toMatchObject({ type: 'DisruptionAllowed', status: 'True', reason: 'SufficientPods' });

    expect((await evict('a1')).status).toBe(201);
    expect(await exists('a1')).toBe(false);
    expect((await budget('a')).status).toMatchObject({ currentHealthy: 2, disruptionsAllowed: 0, expectedPods: 2 });
    const refused = await evict('a2');
    expect(refused.status).toBe(429);
    expect(refused.json).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'TooManyRequests',
      code: 429,
      message: "Cannot evict pod as it would violate the pod's disruption budget.",
      details: { causes: [{ reason: 'DisruptionBudget', message: 'The disruption budget a needs 2 healthy pods and has 2 currently' }] },
    });
    expect(await exists('a2')).toBe(true);
    // A pending pod is not protected; an unready one may go when the budget is met by others.
    await pod('a4', { app: 'a' }, 'pending');
    expect((await evict('a4')).status).toBe(201);
    await pod('a5', { app: 'a' }, 'unready');
    expect((await evict('a5')).status).toBe(201);
    // A dry run changes nothing.
    await pod('a6', { app: 'a' }, 'ready');
    expect((await call(cluster, `/api/v1/namespaces/${ns}/pods/a6/eviction?dryRun=All`, { method: 'POST', body: { metadata: { name: 'a6' } } })).status).toBe(201);
    expect(await exists('a6')).toBe(true);
    expect((await evict('a2', { metadata: { name: 'other' } })).status).toBe(400);
  });

  it('scales maxUnavailable and percentages by the replicas of the owning controller, and fails safe without one', async () => {
    const rs = await post(`/apis/apps/v1/namespaces/${ns}/replicasets`, {
      metadata: { name: 'b' },
      spec: { replicas: 4, selector: { matchLabels: { app: 'b' } }, template: { metadata: { labels: { app: 'b' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
    });
    const owner = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'b', uid: rs.json.metadata.uid, controller: true };
    for (const n of ['b1', 'b2', 'b3']) await pod(n, { app: 'b' }, 'ready', owner);
    await post(`/apis/policy/v1/namespaces/${ns}/poddisruptionbudgets`, { metadata: { name: 'b' }, spec: { maxUnavailable: '50%', selector: { matchLabels: { app: 'b' } } } });
    expect((await budget('b')).status).toMatchObject({ expectedPods: 4, desiredHealthy: 2, currentHealthy: 3, disruptionsAllowed: 1 });
    await pod('b-stray', { app: 'b' }, 'ready');
    const failSafe = (await budget('b')).status;
    expect(failSafe.disruptionsAllowed).toBe(0);
    expect(failSafe.conditions[0]).toMatchObject({ status: 'False', reason: 'SyncFailed', message: 'found no controllers for pod "b-stray"' });
  });

  it('refuses to choose between two budgets, validates specs, and serves policy/v1beta1 and the pdb table', async () => {
    await pod('c1', { app: 'c', tier: 'x' }, 'ready');
    await post(`/apis/policy/v1/namespaces/${ns}/poddisruptionbudgets`, { metadata: { name: 'c-app' }, spec: { minAvailable: 0, selector: { matchLabels: { app: 'c' } } } });
    await post(`/apis/policy/v1/namespaces/${ns}/poddisruptionbudgets`, { metadata: { name: 'c-tier' }, spec: { minAvailable: 0, selector: { matchLabels: { tier: 'x' } } } });
    const two = await evict('c1');
    expect(two.status).toBe(500);
    expect(two.json.message).toContain('more than one PodDisruptionBudget');

    const both = await post(`/apis/policy/v1/namespaces/${ns}/poddisruptionbudgets`, { metadata: { name: 'bad' }, spec: { minAvailable: 1, maxUnavailable: '120%', selector: {} } });
    expect(both.status).toBe(422);
    expect(both.json.message).toContain('minAvailable and maxUnavailable cannot be both set');
    expect(both.json.message).toContain('spec.maxUnavailable: Invalid value: "120%": must not be greater than 100%');

    const beta = await post(`/apis/policy/v1beta1/namespaces/${ns}/poddisruptionbudgets`, { apiVersion: 'policy/v1beta1', kind: 'PodDisruptionBudget', metadata: { name: 'beta' }, spec: { minAvailable: 1, selector: { matchLabels: { app: 'none' } } } });
    expect(beta.status).toBe(201);
    expect(beta.json.apiVersion).toBe('policy/v1beta1');
    expect((await budget('beta')).apiVersion).toBe('policy/v1');
    const table = await call(cluster, `/apis/policy/v1/namespaces/${ns}/poddisruptionbudgets/c-app`, { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' });
    expect(table.json.columnDefinitions.map((c: Json) => c.name)).toEqual(['Name', 'Min Available', 'Max Unavailable', 'Allowed Disruptions', 'Age']);
    expect(table.json.rows[0].cells.slice(0, 4)).toEqual(['c-app', '0', 'N/A', 1]);
  });

  it('taints a cordoned node and untaints it when uncordoned, keeping other taints', async () => {
    const node = await post('/api/v1/nodes', { metadata: { name: 'n1' }, spec: { taints: [{ key: 'gpu', value: 'yes', effect: 'PreferNoSchedule' }] } });
    expect(node.status).toBe(201);
    const patch = (unschedulable: boolean | null) =>
      call(cluster, '/api/v1/nodes/n1', { method: 'PATCH', contentType: 'application/merge-patch+json', body: { spec: { unschedulable } } });
    expect((await patch(true)).status).toBe(200);
    const cordoned = (await call(cluster, '/api/v1/nodes/n1')).json;
    expect(cordoned.spec.taints).toEqual([
      { key: 'gpu', value: 'yes', effect: 'PreferNoSchedule' },
      { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: expect.stringMatching(/Z$/) },
    ]);
    await patch(null);
    expect((await call(cluster, '/api/v1/nodes/n1')).json.spec.taints).toEqual([{ key: 'gpu', value: 'yes', effect: 'PreferNoSchedule' }]);
  });

  it('answers SubjectAccessReview for the named user and groups only, and requires one of them', async () => {
    const sar = (spec: Json) => post('/apis/authorization.k8s.io/v1/subjectaccessreviews', { apiVersion: 'authorization.k8s.io/v1', kind: 'SubjectAccessReview', spec });
    const attrs = { resourceAttributes: { namespace: ns, verb: 'list', resource: 'pods' } };
    expect((await sar({ user: 'jane', ...attrs })).json.status.allowed).toBe(false);
    expect((await sar({ user: 'jane', groups: ['system:masters'], ...attrs })).json.status.allowed).toBe(true);
    const empty = await sar(attrs);
    expect(empty.status).toBe(422);
    expect(empty.json.message).toContain('at least one of user or group must be specified');
  });
});
