import {
  ApiException,
  AppsV1Api,
  CoreV1Api,
  KubeConfig,
  KubernetesObjectApi,
  PatchStrategy,
  RbacAuthorizationV1Api,
  setHeaderOptions,
  Watch,
} from '@kubernetes/client-node';
import type { SandboxClusterHandle } from './index.js';
import { deploymentManifest, startTestCluster } from './testing/test-support.js';

function client(cluster: SandboxClusterHandle, token?: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromString(cluster.kubeconfig(token ? { token, user: 'candidate' } : {}));
  return kc;
}

async function expectApiError(p: Promise<unknown>, code: number): Promise<Record<string, unknown>> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ApiException);
    const err = e as ApiException<string>;
    expect(err.code).toBe(code);
    return typeof err.body === 'string' ? JSON.parse(err.body) : (err.body as Record<string, unknown>);
  }
  throw new Error(`expected HTTP ${code}`);
}

describe('sandbox cluster through @kubernetes/client-node', () => {
  let cluster: SandboxClusterHandle;
  let core: CoreV1Api;
  let apps: AppsV1Api;
  beforeAll(async () => {
    cluster = await startTestCluster({ core: { simulation: false } }) // the API server alone: no controller writes status;
    const kc = client(cluster);
    core = kc.makeApiClient(CoreV1Api);
    apps = kc.makeApiClient(AppsV1Api);
    await core.createNamespace({ body: { metadata: { name: 'cn' } } });
  });
  afterAll(() => cluster.close());

  it('creates, reads, lists by label and deletes over TLS with the kubeconfig', async () => {
    const created = await apps.createNamespacedDeployment({ namespace: 'cn', body: deploymentManifest('web', 'cn') });
    expect(created.metadata?.uid).toBeTruthy();
    await core.createNamespacedService({
      namespace: 'cn',
      body: { metadata: { name: 'web', labels: { app: 'web' } }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] } },
    });
    await core.createNamespacedConfigMap({ namespace: 'cn', body: { metadata: { name: 'settings', labels: { app: 'web' } }, data: { mode: 'demo' } } });
    const read = await apps.readNamespacedDeployment({ name: 'web', namespace: 'cn' });
    expect(read.spec?.replicas).toBe(1);
    const byLabel = await core.listNamespacedConfigMap({ namespace: 'cn', labelSelector: 'app=web' });
    expect(byLabel.items.map((c) => c.metadata?.name)).toEqual(['settings']);
    const svc = await core.readNamespacedService({ name: 'web', namespace: 'cn' });
    expect(svc.spec?.clusterIP).toMatch(/^10\./);
    const notFound = await expectApiError(core.readNamespacedPod({ name: 'ghost', namespace: 'cn' }), 404);
    expect(notFound.message).toBe('pods "ghost" not found');
    await core.deleteNamespacedConfigMap({ name: 'settings', namespace: 'cn' });
    expect((await core.listNamespacedConfigMap({ namespace: 'cn', labelSelector: 'app=web' })).items).toEqual([]);
  });

  it('patches with merge, strategic merge and JSON patch content types', async () => {
    await apps.patchNamespacedDeployment(
      { name: 'web', namespace: 'cn', body: { spec: { replicas: 2 } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    await apps.patchNamespacedDeployment(
      { name: 'web', namespace: 'cn', body: { spec: { template: { spec: { containers: [{ name: 'main', image: 'nginx:1.27' }] } } } } },
      setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch),
    );
    await apps.patchNamespacedDeployment({ name: 'web', namespace: 'cn', body: [{ op: 'add', path: '/metadata/labels/tier', value: 'front' }] });
    const d = await apps.readNamespacedDeployment({ name: 'web', namespace: 'cn' });
    expect(d.spec?.replicas).toBe(2);
    expect(d.spec?.template.spec?.containers.map((c) => c.image)).toEqual(['nginx:1.27']);
    expect(d.metadata?.labels).toEqual({ app: 'web', tier: 'front' });
  });

  it('reports conflicts and validation errors as ApiException bodies', async () => {
    const d = await apps.readNamespacedDeployment({ name: 'web', namespace: 'cn' });
    await apps.replaceNamespacedDeployment({ name: 'web', namespace: 'cn', body: { ...d, spec: { ...d.spec!, replicas: 3 } } });
    const conflict = await expectApiError(apps.replaceNamespacedDeployment({ name: 'web', namespace: 'cn', body: { ...d, spec: { ...d.spec!, replicas: 4 } } }), 409);
    expect(conflict.reason).toBe('Conflict');
    const invalid = await expectApiError(
      core.createNamespacedPod({ namespace: 'cn', body: { metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: '' }] } } }),
      422,
    );
    expect(invalid.message).toBe('Pod "p" is invalid: spec.containers[0].image: Required value');
  });

  it('reads and writes the scale subresource', async () => {
    await apps.patchNamespacedDeploymentScale({ name: 'web', namespace: 'cn', body: { spec: { replicas: 5 } } }, setHeaderOptions('Content-Type', PatchStrategy.MergePatch));
    const scale = await apps.readNamespacedDeploymentScale({ name: 'web', namespace: 'cn' });
    expect(scale.spec?.replicas).toBe(5);
    expect(scale.status?.selector).toBe('app=web');
  });

  it('creates and reads generic objects through KubernetesObjectApi', async () => {
    const objects = KubernetesObjectApi.makeApiClient(client(cluster));
    const spec = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'applied', namespace: 'cn' }, data: { a: '1' } };
    const created = (await objects.create(spec)) as { metadata?: { uid?: string } };
    expect(created.metadata?.uid).toBeTruthy();
    const read = await objects.read({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'applied', namespace: 'cn' } });
    expect((read as unknown as { data: Record<string, string> }).data).toEqual({ a: '1' });
  });

  it('watches through the Watch helper', async () => {
    const kc = client(cluster);
    const seen: string[] = [];
    const done = new Promise<void>((resolve) => {
      void new Watch(kc)
        .watch('/api/v1/namespaces/cn/configmaps', { labelSelector: 'watch=me' }, (type, obj) => {
          seen.push(`${type}:${obj.metadata.name}`);
          if (seen.length === 2) resolve();
        }, () => undefined)
        .then((ctrl) => done.finally(() => ctrl.abort()));
    });
    await new Promise((r) => setTimeout(r, 100));
    await core.createNamespacedConfigMap({ namespace: 'cn', body: { metadata: { name: 'w1', labels: { watch: 'me' } } } });
    await core.deleteNamespacedConfigMap({ name: 'w1', namespace: 'cn' });
    await done;
    expect(seen).toEqual(['ADDED:w1', 'DELETED:w1']);
  });

  it('scopes a TokenRequest token to its namespace through RBAC', async () => {
    await core.createNamespacedServiceAccount({ namespace: 'cn', body: { metadata: { name: 'candidate' } } });
    const rbac = client(cluster).makeApiClient(RbacAuthorizationV1Api);
    await rbac.createNamespacedRole({ namespace: 'cn', body: { metadata: { name: 'r' }, rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }] } });
    await rbac.createNamespacedRoleBinding({
      namespace: 'cn',
      body: {
        metadata: { name: 'rb' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'r' },
        subjects: [{ kind: 'ServiceAccount', name: 'candidate', namespace: 'cn' }],
      },
    });
    const tr = await core.createNamespacedServiceAccountToken({ name: 'candidate', namespace: 'cn', body: { spec: { audiences: [], expirationSeconds: 3600 } } });
    const scoped = client(cluster, tr.status!.token).makeApiClient(CoreV1Api);
    expect((await scoped.listNamespacedPod({ namespace: 'cn' })).items).toEqual([]);
    const forbidden = await expectApiError(scoped.listNamespacedPod({ namespace: 'default' }), 403);
    expect(forbidden.message).toBe('pods is forbidden: User "system:serviceaccount:cn:candidate" cannot list resource "pods" in API group "" in the namespace "default"');
    await expectApiError(scoped.listNamespace(), 403);
  });
});
