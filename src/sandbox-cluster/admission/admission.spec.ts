import type { SandboxClusterHandle } from '../index.js';
import { call, createNamespace, startTestCluster } from '../testing/test-support.js';

const pod = (name: string, resources?: Record<string, unknown>) => ({
  metadata: { name },
  spec: { containers: [{ name: 'c', image: 'busybox:1.36', ...(resources ? { resources } : {}) }] },
});

async function waitUntil<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 2000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('sandbox cluster: admission', () => {
  let cluster: SandboxClusterHandle;
  beforeAll(async () => {
    cluster = await startTestCluster();
    await createNamespace(cluster, 'q');
    await createNamespace(cluster, 'lr');
    await createNamespace(cluster, 'svc');
  });
  afterAll(() => cluster.close());

  it('enforces object-count quotas with the real message and keeps status.used current', async () => {
    const quota = { metadata: { name: 'counts' }, spec: { hard: { pods: '2', configmaps: '2', 'count/deployments.apps': '1' } } };
    expect((await call(cluster, '/api/v1/namespaces/q/resourcequotas', { method: 'POST', body: quota })).status).toBe(201);
    // kube-root-ca.crt already uses one configmap.
    expect((await call(cluster, '/api/v1/namespaces/q/configmaps', { method: 'POST', body: { metadata: { name: 'one' } } })).status).toBe(201);
    const over = await call(cluster, '/api/v1/namespaces/q/configmaps', { method: 'POST', body: { metadata: { name: 'two' } } });
    expect(over.status).toBe(403);
    expect(over.json).toMatchObject({
      reason: 'Forbidden',
      message: 'configmaps "two" is forbidden: exceeded quota: counts, requested: configmaps=1, used: configmaps=2, limited: configmaps=2',
    });
    for (const n of ['p1', 'p2']) expect((await call(cluster, '/api/v1/namespaces/q/pods', { method: 'POST', body: pod(n) })).status).toBe(201);
    const third = await call(cluster, '/api/v1/namespaces/q/pods', { method: 'POST', body: pod('p3') });
    expect(third.json.message).toBe('pods "p3" is forbidden: exceeded quota: counts, requested: pods=1, used: pods=2, limited: pods=2');
    const status = await waitUntil(
      async () => (await call(cluster, '/api/v1/namespaces/q/resourcequotas/counts')).json.status,
      (s) => s?.used?.pods === '2',
    );
    expect(status).toEqual({ hard: quota.spec.hard, used: { pods: '2', configmaps: '2', 'count/deployments.apps': '0' } });
    await call(cluster, '/api/v1/namespaces/q/pods/p1', { method: 'DELETE' });
    const freed = await waitUntil(
      async () => (await call(cluster, '/api/v1/namespaces/q/resourcequotas/counts')).json.status,
      (s) => s?.used?.pods === '1',
    );
    expect(freed.used.pods).toBe('1');
  });

  it('enforces compute quotas and requires requests/limits to be specified', async () => {
    await createNamespace(cluster, 'compute');
    const quota = { metadata: { name: 'compute' }, spec: { hard: { 'requests.cpu': '1', 'requests.memory': '1Gi', 'limits.cpu': '2' } } };
    await call(cluster, '/api/v1/namespaces/compute/resourcequotas', { method: 'POST', body: quota });
    const missing = await call(cluster, '/api/v1/namespaces/compute/pods', { method: 'POST', body: pod('bare') });
    expect(missing.status).toBe(403);
    expect(missing.json.message).toBe('pods "bare" is forbidden: failed quota: compute: must specify limits.cpu,requests.cpu,requests.memory');
    const ok = await call(cluster, '/api/v1/namespaces/compute/pods', {
      method: 'POST',
      body: pod('small', { requests: { cpu: '600m', memory: '512Mi' }, limits: { cpu: '1' } }),
    });
    expect(ok.status).toBe(201);
    const big = await call(cluster, '/api/v1/namespaces/compute/pods', {
      method: 'POST',
      body: pod('big', { requests: { cpu: '500m', memory: '256Mi' }, limits: { cpu: '1' } }),
    });
    expect(big.json.message).toBe('pods "big" is forbidden: exceeded quota: compute, requested: requests.cpu=500m, used: requests.cpu=600m, limited: requests.cpu=1');
    const used = await waitUntil(
      async () => (await call(cluster, '/api/v1/namespaces/compute/resourcequotas/compute')).json.status?.used,
      (u) => u?.['requests.memory'] === '512Mi',
    );
    expect(used).toEqual({ 'requests.cpu': '600m', 'requests.memory': '512Mi', 'limits.cpu': '1' });
  });

  it('applies LimitRange defaults and refuses containers above the maximum', async () => {
    const lr = {
      metadata: { name: 'defaults' },
      spec: { limits: [{ type: 'Container', default: { cpu: '500m', memory: '128Mi' }, defaultRequest: { cpu: '100m' }, max: { cpu: '1' } }] },
    };
    expect((await call(cluster, '/api/v1/namespaces/lr/limitranges', { method: 'POST', body: lr })).status).toBe(201);
    const created = await call(cluster, '/api/v1/namespaces/lr/pods', { method: 'POST', body: pod('d') });
    expect(created.json.spec.containers[0].resources).toEqual({ limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '100m', memory: '128Mi' } });
    expect(created.json.metadata.annotations['kubernetes.io/limit-ranger']).toContain('LimitRanger plugin set');
    expect(created.json.status.qosClass).toBe('Burstable');
    const tooBig = await call(cluster, '/api/v1/namespaces/lr/pods', { method: 'POST', body: pod('huge', { limits: { cpu: '2' } }) });
    expect(tooBig.status).toBe(403);
    expect(tooBig.json.message).toBe('pods "huge" is forbidden: maximum cpu usage per Container is 1, but limit is 2');
  });

  it('allocates cluster IPs and node ports, keeping headless services headless', async () => {
    const create = (name: string, spec: Record<string, unknown>) =>
      call(cluster, '/api/v1/namespaces/svc/services', { method: 'POST', body: { metadata: { name }, spec: { ports: [{ port: 80 }], ...spec } } });
    const a = (await create('a', {})).json;
    const b = (await create('b', {})).json;
    expect(a.spec.clusterIP).toMatch(/^10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+$/);
    expect(a.spec.clusterIP).not.toBe(b.spec.clusterIP);
    expect(a.spec.clusterIPs).toEqual([a.spec.clusterIP]);
    const headless = (await create('h', { clusterIP: 'None' })).json;
    expect(headless.spec.clusterIP).toBe('None');
    const np = (await create('np', { type: 'NodePort' })).json;
    expect(np.spec.ports[0].nodePort).toBeGreaterThanOrEqual(30000);
    expect(np.spec.ports[0].nodePort).toBeLessThanOrEqual(32767);
    const clash = await create('np2', { type: 'NodePort', ports: [{ port: 80, nodePort: np.spec.ports[0].nodePort }] });
    expect(clash.status).toBe(422);
    expect(clash.json.details.causes[0]).toMatchObject({ field: 'spec.ports[0].nodePort', message: `Invalid value: ${np.spec.ports[0].nodePort}: provided port is already allocated` });
    const outOfRange = await create('np3', { type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] });
    expect(outOfRange.json.details.causes[0].message).toContain('provided port is not in the valid range. The range of valid ports is 30000-32767');
    const ipClash = await create('dup', { clusterIP: a.spec.clusterIP });
    expect(ipClash.status).toBe(422);
    const changed = await call(cluster, '/api/v1/namespaces/svc/services/a', {
      method: 'PATCH',
      contentType: 'application/merge-patch+json',
      body: { spec: { clusterIP: '10.96.200.200' } },
    });
    expect(changed.status).toBe(422);
    expect(changed.json.message).toContain('spec.clusterIP: Invalid value: "10.96.200.200": field is immutable');
  });

  it('refuses new content in a terminating namespace and removes the namespace once empty', async () => {
    await createNamespace(cluster, 'doomed');
    await call(cluster, '/api/v1/namespaces/doomed/configmaps', { method: 'POST', body: { metadata: { name: 'c' } } });
    const del = await call(cluster, '/api/v1/namespaces/doomed', { method: 'DELETE' });
    expect(del.json.status.phase).toBe('Terminating');
    const gone = await waitUntil(async () => (await call(cluster, '/api/v1/namespaces/doomed')).status, (s) => s === 404);
    expect(gone).toBe(404);
    expect((await call(cluster, '/api/v1/namespaces/doomed/configmaps')).json.items).toEqual([]);
    const protectedNs = await call(cluster, '/api/v1/namespaces/default', { method: 'DELETE' });
    expect(protectedNs.status).toBe(403);
    expect(protectedNs.json.message).toBe('namespaces "default" is forbidden: this namespace may not be deleted');
  });

  it('blocks creates while a namespace is terminating', async () => {
    await createNamespace(cluster, 'held');
    await call(cluster, '/api/v1/namespaces/held/configmaps', { method: 'POST', body: { metadata: { name: 'pinned', finalizers: ['example.com/pin'] } } });
    await call(cluster, '/api/v1/namespaces/held', { method: 'DELETE' });
    const res = await call(cluster, '/api/v1/namespaces/held/configmaps', { method: 'POST', body: { metadata: { name: 'late' } } });
    expect(res.status).toBe(403);
    expect(res.json.message).toBe('configmaps "late" is forbidden: unable to create new content in namespace held because it is being terminated');
  });
});
