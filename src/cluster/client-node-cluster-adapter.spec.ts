import { createServer, type Server } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { ApiException, CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { startSandboxCluster, type SandboxClusterHandle } from '../sandbox-cluster/index.js';
import { ClientNodeClusterAdapter, LAB_LIMITS_NAME, LAB_QUOTA_NAME } from './client-node-cluster-adapter.js';
import { ClusterForbiddenError, ClusterNotFoundError, ClusterRequestError, ClusterScopeError, ClusterUnavailableError } from './cluster-errors.js';

async function status(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 200;
  } catch (e) {
    if (e instanceof ApiException) return e.code;
    throw e;
  }
}

const deployment = (name: string, image: string, labels: Record<string, string> = { app: name }) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, labels },
  spec: { replicas: 1, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'main', image }] } } },
});

describe('ClientNodeClusterAdapter against the sandbox cluster', () => {
  let cluster: SandboxClusterHandle;
  let adapter: ClientNodeClusterAdapter;
  beforeAll(async () => {
    cluster = await startSandboxCluster({ port: 0 });
    adapter = new ClientNodeClusterAdapter(cluster.kubeconfig());
  });
  afterAll(async () => {
    adapter.close();
    await cluster.close();
  });

  it('pings the server', async () => {
    expect((await adapter.ping()).gitVersion).toMatch(/^v1\./);
  });

  it('creates a lab namespace with labels, quota and limit range, idempotently', async () => {
    const opts = { labels: { 'kubequiz.io/lab': 'l1' }, quota: { pods: 10, cpu: '2', memory: '2Gi' } };
    await adapter.createLabNamespace('lab-a', opts);
    await adapter.createLabNamespace('lab-a', opts);
    const ns = await adapter.get('', { apiVersion: 'v1', kind: 'Namespace', name: 'lab-a' });
    expect(ns?.metadata?.labels?.['kubequiz.io/lab']).toBe('l1');
    expect(ns?.metadata?.labels?.['pod-security.kubernetes.io/enforce']).toBe('baseline');
    const quota = await adapter.get('lab-a', { apiVersion: 'v1', kind: 'ResourceQuota', name: LAB_QUOTA_NAME });
    expect(quota?.spec.hard).toMatchObject({ pods: '10', 'requests.cpu': '2', 'limits.memory': '2Gi' });
    const limits = await adapter.get('lab-a', { apiVersion: 'v1', kind: 'LimitRange', name: LAB_LIMITS_NAME });
    expect(limits?.spec.limits[0].default.cpu).toBe('200m');
    // The defaults make a bare pod admissible under the cpu/memory quota.
    const [pod] = await adapter.apply('lab-a', [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'busybox' }] } }]);
    expect(pod.spec.containers[0].resources.limits.cpu).toBe('200m');
  });

  it('applies (create then update) and reads objects as plain JSON', async () => {
    await adapter.createLabNamespace('lab-b');
    const [created] = await adapter.apply('lab-b', [deployment('web', 'nginx:1.25')]);
    expect(created.metadata?.namespace).toBe('lab-b');
    const [updated] = await adapter.apply('lab-b', [deployment('web', 'nginx:1.27')]);
    expect(updated.metadata?.uid).toBe(created.metadata?.uid);
    const read = await adapter.get('lab-b', { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' });
    expect(read?.spec.template.spec.containers[0].image).toBe('nginx:1.27');
    expect(typeof read?.metadata?.creationTimestamp).toBe('string');
    expect(await adapter.get('lab-b', { apiVersion: 'apps/v1', kind: 'Deployment', name: 'ghost' })).toBeNull();
    expect(await adapter.get('nowhere', { apiVersion: 'v1', kind: 'ConfigMap', name: 'x' })).toBeNull();
  });

  it('lists several kinds by label selector, and cluster-scoped kinds', async () => {
    await adapter.createLabNamespace('lab-c');
    await adapter.apply('lab-c', [
      deployment('api', 'nginx', { app: 'api', tier: 'back' }),
      deployment('ui', 'nginx', { app: 'ui', tier: 'front' }),
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', labels: { tier: 'back' } }, data: { a: '1' } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'api', labels: { tier: 'back' } }, spec: { selector: { app: 'api' }, ports: [{ port: 80 }] } },
    ]);
    const names = async (apiVersion: string, kind: string, labelSelector?: string) =>
      (await adapter.list('lab-c', { apiVersion, kind, labelSelector })).map((o) => `${o.kind}/${o.metadata?.name}`);
    expect(await names('apps/v1', 'Deployment', 'tier=back')).toEqual(['Deployment/api']);
    expect(await names('apps/v1', 'Deployment', 'tier in (back,front)')).toEqual(['Deployment/api', 'Deployment/ui']);
    expect(await names('v1', 'ConfigMap', 'tier=back')).toEqual(['ConfigMap/cfg']);
    expect(await names('v1', 'Service', 'tier=back')).toEqual(['Service/api']);
    expect(await names('v1', 'Namespace')).toEqual(expect.arrayContaining(['Namespace/lab-c', 'Namespace/default']));
    await expect(adapter.list('lab-c', { apiVersion: 'v1', kind: 'Gizmo' })).rejects.toThrow(/does not serve Gizmo/);
  });

  it('applies as the namespace’s own short-lived identity, refusing whatever lies beyond the namespace', async () => {
    await adapter.createLabNamespace('lab-own', { quota: { pods: 3 } });
    const clusterRole = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'everything' }, rules: [] };
    await expect(adapter.applyInNamespace('lab-own', [clusterRole])).rejects.toThrow(ClusterScopeError);
    await expect(adapter.applyInNamespace('lab-own', [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default' } }])).rejects.toThrow(ClusterScopeError);
    const lifted = { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: LAB_QUOTA_NAME }, spec: { hard: { pods: '999' } } };
    await expect(adapter.applyInNamespace('lab-own', [lifted])).rejects.toThrow(ClusterScopeError);
    const [stored] = await adapter.applyInNamespace('lab-own', [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: '1' } }]);
    expect(stored?.metadata?.namespace).toBe('lab-own');
    expect(await adapter.get('', { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', name: 'everything' })).toBeNull();
    expect((await adapter.get('lab-own', { apiVersion: 'v1', kind: 'ResourceQuota', name: LAB_QUOTA_NAME }))?.spec.hard.pods).toBe('3');
    expect(await adapter.get('lab-own', { apiVersion: 'v1', kind: 'ServiceAccount', name: 'kubequiz-setup' })).toBeNull();
    expect(await adapter.get('lab-own', { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', name: 'kubequiz-setup' })).toBeNull();
  });

  it('refuses invalid manifests with the server message', async () => {
    await adapter.createLabNamespace('lab-d');
    await expect(adapter.apply('lab-d', [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'Bad_Name' } }])).rejects.toBeInstanceOf(ClusterRequestError);
  });

  it('reads pod logs once the pod runs, and names a missing pod', async () => {
    await adapter.createLabNamespace('lab-logs');
    await adapter.apply('lab-logs', [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'busybox', command: ['sleep', '60'] }] } }]);
    const until = Date.now() + 10_000;
    let phase: string | undefined;
    while (phase !== 'Running' && Date.now() < until) {
      phase = (await adapter.get('lab-logs', { apiVersion: 'v1', kind: 'Pod', name: 'p' }))?.status?.phase;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(typeof (await adapter.podLogs('lab-logs', 'p'))).toBe('string');
    await expect(adapter.podLogs('lab-logs', 'ghost')).rejects.toBeInstanceOf(ClusterNotFoundError);
  });

  it('lists events and deletes namespaces idempotently', async () => {
    await adapter.createLabNamespace('lab-e');
    await adapter.apply('lab-e', [
      { apiVersion: 'v1', kind: 'Event', metadata: { name: 'e1' }, involvedObject: { kind: 'Pod', name: 'p1', namespace: 'lab-e' }, reason: 'Scheduled', message: 'ok', type: 'Normal' },
      { apiVersion: 'v1', kind: 'Event', metadata: { name: 'e2' }, involvedObject: { kind: 'Pod', name: 'p2', namespace: 'lab-e' }, reason: 'Pulled', message: 'ok', type: 'Normal' },
    ]);
    expect((await adapter.events('lab-e', { involvedName: 'p2' })).map((e) => e.metadata?.name)).toEqual(['e2']);
    await adapter.deleteNamespace('lab-e');
    await adapter.deleteNamespace('lab-e');
    await adapter.deleteNamespace('never-existed');
  });

  describe('candidate access', () => {
    let kc: KubeConfig;
    let access: Awaited<ReturnType<ClientNodeClusterAdapter['createCandidateAccess']>>;
    beforeAll(async () => {
      await adapter.createLabNamespace('lab-f', { quota: { pods: 10 } });
      await adapter.createLabNamespace('lab-other');
      access = await adapter.createCandidateAccess('lab-f', { serviceAccount: 'candidate', expirationSeconds: 3600 });
      kc = new KubeConfig();
      kc.loadFromString(access.kubeconfig);
    });

    it('returns a namespace-scoped kubeconfig with a token that expires', () => {
      expect(kc.getContextObject(kc.getCurrentContext())?.namespace).toBe('lab-f');
      expect(access.token.split('.')).toHaveLength(3);
      const ttl = access.expiresAt.getTime() - Date.now();
      expect(ttl).toBeGreaterThan(3500_000);
      expect(ttl).toBeLessThanOrEqual(3600_000);
    });

    it('works inside its namespace and gets 403 outside it and on cluster-scoped objects', async () => {
      const core = kc.makeApiClient(CoreV1Api);
      await core.createNamespacedConfigMap({ namespace: 'lab-f', body: { metadata: { name: 'mine' }, data: { a: '1' } } });
      expect((await core.listNamespacedConfigMap({ namespace: 'lab-f' })).items.map((c) => c.metadata?.name)).toContain('mine');
      await core.createNamespacedSecret({ namespace: 'lab-f', body: { metadata: { name: 's' }, stringData: { k: 'v' } } });
      expect(await status(core.listNamespacedConfigMap({ namespace: 'lab-other' }))).toBe(403);
      expect(await status(core.listNamespacedSecret({ namespace: 'default' }))).toBe(403);
      expect(await status(core.listSecretForAllNamespaces())).toBe(403);
      expect(await status(core.listNode())).toBe(403);
      expect(await status(core.deleteNamespacedResourceQuota({ namespace: 'lab-f', name: LAB_QUOTA_NAME }))).toBe(403);
    });

    it('as an adapter, maps 403 to ClusterForbiddenError', async () => {
      const scoped = new ClientNodeClusterAdapter(access.kubeconfig);
      try {
        expect(await scoped.list('lab-f', { apiVersion: 'v1', kind: 'ConfigMap', labelSelector: '' })).not.toHaveLength(0);
        await expect(scoped.list('lab-other', { apiVersion: 'v1', kind: 'ConfigMap' })).rejects.toBeInstanceOf(ClusterForbiddenError);
        // Candidates may add a quota (apply falls back to create) but not loosen the lab's own.
        const quota = (name: string, pods: string) => ({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name }, spec: { hard: { pods } } });
        const [mine] = await scoped.apply('lab-f', [quota('mine', '5')]);
        expect(mine.spec.hard.pods).toBe('5');
        await expect(scoped.apply('lab-f', [quota(LAB_QUOTA_NAME, '500')])).rejects.toBeInstanceOf(ClusterForbiddenError);
      } finally {
        scoped.close();
      }
    });
  });
});

describe('ClientNodeClusterAdapter when the cluster is unreachable', () => {
  const kubeconfigFor = (port: number) =>
    `apiVersion: v1
kind: Config
clusters: [{ name: c, cluster: { server: "https://127.0.0.1:${port}", insecure-skip-tls-verify: true } }]
users: [{ name: u, user: { token: t } }]
contexts: [{ name: x, context: { cluster: c, user: u } }]
current-context: x
`;

  it('fails fast with ClusterUnavailableError when nothing listens', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const adapter = new ClientNodeClusterAdapter(kubeconfigFor(port));
    const started = Date.now();
    await expect(adapter.ping()).rejects.toBeInstanceOf(ClusterUnavailableError);
    await expect(adapter.get('x', { apiVersion: 'v1', kind: 'Pod', name: 'p' })).rejects.toBeInstanceOf(ClusterUnavailableError);
    expect(Date.now() - started).toBeLessThan(2000);
    adapter.close();
  });

  it('times out (with one retry for reads) when the server never answers', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((s) => {
      sockets.push(s);
    });
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const adapter = new ClientNodeClusterAdapter(kubeconfigFor((silent.address() as AddressInfo).port), { timeoutMs: 200 });
    const started = Date.now();
    await expect(adapter.ping()).rejects.toThrow(/did not answer within 200 ms/);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(390);
    expect(elapsed).toBeLessThan(1500);
    expect(sockets).toHaveLength(2);
    adapter.close();
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => silent.close(() => r()));
  });
});
