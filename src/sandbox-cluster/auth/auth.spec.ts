import type { SandboxClusterHandle } from '../index.js';
import { call, createNamespace, startTestCluster } from '../testing/test-support.js';

describe('sandbox cluster: authentication and RBAC', () => {
  let cluster: SandboxClusterHandle;
  let now = new Date('2030-01-01T00:00:00Z');
  let token: string;
  const clock = { now: () => now };

  beforeAll(async () => {
    cluster = await startTestCluster({ clock });
    await createNamespace(cluster, 'lab-1');
    await call(cluster, '/api/v1/namespaces/lab-1/serviceaccounts', { method: 'POST', body: { metadata: { name: 'candidate' } } });
    await call(cluster, '/apis/rbac.authorization.k8s.io/v1/namespaces/lab-1/roles', {
      method: 'POST',
      body: {
        metadata: { name: 'lab-editor' },
        rules: [
          { apiGroups: ['', 'apps'], resources: ['pods', 'pods/log', 'configmaps', 'deployments', 'deployments/scale'], verbs: ['*'] },
          { apiGroups: [''], resources: ['secrets'], resourceNames: ['allowed'], verbs: ['get'] },
        ],
      },
    });
    await call(cluster, '/apis/rbac.authorization.k8s.io/v1/namespaces/lab-1/rolebindings', {
      method: 'POST',
      body: {
        metadata: { name: 'candidate-edit' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'lab-editor' },
        subjects: [{ kind: 'ServiceAccount', name: 'candidate', namespace: 'lab-1' }],
      },
    });
    const tr = await call(cluster, '/api/v1/namespaces/lab-1/serviceaccounts/candidate/token', {
      method: 'POST',
      body: { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: { expirationSeconds: 3600 } },
    });
    token = tr.json.status.token;
  });
  afterAll(() => cluster.close());

  it('issues TokenRequest JWTs with the service-account identity and expiry', async () => {
    const tr = await call(cluster, '/api/v1/namespaces/lab-1/serviceaccounts/candidate/token', {
      method: 'POST',
      body: { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: { expirationSeconds: 1200 } },
    });
    expect(tr.status).toBe(201);
    expect(tr.json.status.expirationTimestamp).toBe('2030-01-01T00:20:00Z');
    const claims = JSON.parse(Buffer.from(tr.json.status.token.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ sub: 'system:serviceaccount:lab-1:candidate', exp: Date.parse('2030-01-01T00:20:00Z') / 1000 });
    const review = await call(cluster, '/apis/authentication.k8s.io/v1/tokenreviews', { method: 'POST', body: { spec: { token: tr.json.status.token } } });
    expect(review.json.status.user).toEqual({
      username: 'system:serviceaccount:lab-1:candidate',
      uid: expect.any(String),
      groups: ['system:serviceaccounts', 'system:serviceaccounts:lab-1', 'system:authenticated'],
    });
    const tooShort = await call(cluster, '/api/v1/namespaces/lab-1/serviceaccounts/candidate/token', { method: 'POST', body: { spec: { expirationSeconds: 60 } } });
    expect(tooShort.status).toBe(422);
  });

  it('allows the service account inside its namespace', async () => {
    expect((await call(cluster, '/api/v1/namespaces/lab-1/pods', { token })).status).toBe(200);
    const created = await call(cluster, '/api/v1/namespaces/lab-1/configmaps', { method: 'POST', token, body: { metadata: { name: 'mine' } } });
    expect(created.status).toBe(201);
    expect((await call(cluster, '/api/v1/namespaces/lab-1/configmaps/mine', { token })).status).toBe(200);
    expect((await call(cluster, '/api', { token })).status).toBe(200);
    expect((await call(cluster, '/apis/apps/v1', { token })).status).toBe(200);
  });

  it('refuses other namespaces and cluster-scoped resources with the real Forbidden message', async () => {
    const other = await call(cluster, '/api/v1/namespaces/default/pods', { token });
    expect(other.status).toBe(403);
    expect(other.json).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'pods is forbidden: User "system:serviceaccount:lab-1:candidate" cannot list resource "pods" in API group "" in the namespace "default"',
      reason: 'Forbidden',
      details: { kind: 'pods' },
      code: 403,
    });
    const nodes = await call(cluster, '/api/v1/nodes', { token });
    expect(nodes.json.message).toBe('nodes is forbidden: User "system:serviceaccount:lab-1:candidate" cannot list resource "nodes" in API group "" at the cluster scope');
    const secret = await call(cluster, '/api/v1/namespaces/lab-1/secrets/other', { token });
    expect(secret.json.message).toBe('secrets "other" is forbidden: User "system:serviceaccount:lab-1:candidate" cannot get resource "secrets" in API group "" in the namespace "lab-1"');
    expect((await call(cluster, '/api/v1/namespaces/lab-1/secrets/allowed', { token })).status).toBe(404);
    const roles = await call(cluster, '/apis/rbac.authorization.k8s.io/v1/namespaces/lab-1/roles', { token, method: 'POST', body: { metadata: { name: 'x' }, rules: [] } });
    expect(roles.status).toBe(403);
  });

  it('answers SelfSubjectAccessReview for kubectl auth can-i', async () => {
    const review = (attrs: Record<string, string>) =>
      call(cluster, '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
        method: 'POST',
        token,
        body: { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { resourceAttributes: attrs } },
      });
    const yes = await review({ namespace: 'lab-1', verb: 'create', group: 'apps', resource: 'deployments' });
    expect(yes.status).toBe(201);
    expect(yes.json.status.allowed).toBe(true);
    expect(yes.json.status.reason).toContain('RoleBinding "candidate-edit/lab-1" of Role "lab-editor"');
    expect((await review({ namespace: 'default', verb: 'create', group: 'apps', resource: 'deployments' })).json.status.allowed).toBe(false);
    expect((await review({ namespace: 'lab-1', verb: 'patch', group: 'apps', resource: 'deployments', subresource: 'scale' })).json.status.allowed).toBe(true);
    const rules = await call(cluster, '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews', { method: 'POST', token, body: { spec: { namespace: 'lab-1' } } });
    expect(rules.json.status.resourceRules).toEqual(expect.arrayContaining([expect.objectContaining({ resources: expect.arrayContaining(['pods']) })]));
  });

  it('lets a RoleBinding grant a ClusterRole inside one namespace', async () => {
    await createNamespace(cluster, 'viewer-ns');
    await call(cluster, '/apis/rbac.authorization.k8s.io/v1/namespaces/viewer-ns/rolebindings', {
      method: 'POST',
      body: {
        metadata: { name: 'candidate-view' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
        subjects: [{ kind: 'ServiceAccount', name: 'candidate', namespace: 'lab-1' }],
      },
    });
    expect((await call(cluster, '/api/v1/namespaces/viewer-ns/configmaps', { token })).status).toBe(200);
    expect((await call(cluster, '/api/v1/namespaces/viewer-ns/configmaps', { token, method: 'POST', body: { metadata: { name: 'x' } } })).status).toBe(403);
    expect((await call(cluster, '/api/v1/namespaces/viewer-ns/secrets', { token })).status).toBe(403);
  });

  it('rejects tokens once expired (by the injected clock) or once the service account is gone', async () => {
    now = new Date('2030-01-01T02:00:00Z');
    expect((await call(cluster, '/api/v1/namespaces/lab-1/pods', { token })).status).toBe(401);
    now = new Date('2030-01-01T00:10:00Z');
    expect((await call(cluster, '/api/v1/namespaces/lab-1/pods', { token })).status).toBe(200);
    await call(cluster, '/api/v1/namespaces/lab-1/serviceaccounts/candidate', { method: 'DELETE' });
    await call(cluster, '/api/v1/namespaces/lab-1/serviceaccounts', { method: 'POST', body: { metadata: { name: 'candidate' } } });
    expect((await call(cluster, '/api/v1/namespaces/lab-1/pods', { token })).status).toBe(401);
  });
});
