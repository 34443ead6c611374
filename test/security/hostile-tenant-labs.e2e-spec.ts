import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ApiException, CoreV1Api, KubeConfig, RbacAuthorizationV1Api } from '@kubernetes/client-node';
import { DataSource } from 'typeorm';
import { ClusterScopeError, type ClusterAdapter } from '../../src/cluster/index.js';
import { ClusterRegistry } from '../../src/cluster/registry/cluster-registry.service.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const run = promisify(execFile);
const KUBECTL = process.env.KUBECTL ?? '/usr/bin/kubectl';

const check = {
  id: 'exists',
  title: { zh: 'ConfigMap app 存在', en: 'ConfigMap app exists' },
  weight: 1,
  hint: { zh: '创建它。', en: 'Create it.' },
  section: '2.5',
  target: { apiVersion: 'v1', kind: 'ConfigMap', name: 'app' },
  assert: { exists: true },
};
const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app' }, data: { mode: 'prod' } };

function taskWith(id: string, setup: object[], extra: Record<string, unknown> = {}) {
  return {
    id,
    title: { zh: '无害的任务', en: 'A harmless task' },
    instructions: { zh: '创建 ConfigMap app。', en: 'Create the ConfigMap app.' },
    sections: ['2.5'],
    timeLimitMinutes: 5,
    setup,
    solution: { manifests: [configMap] },
    wrongSolution: { manifests: [], expectFailed: ['exists'] },
    checks: [check],
    ...extra,
  };
}

/** The setup of the report: every verb on everything, granted to every service account. */
const escalation = [
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name: 'lab-helper' },
    rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }],
  },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: 'lab-helper' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'lab-helper' },
    subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'system:serviceaccounts' }],
  },
];

const roleBinding = (roleRef: object, subjects: object[]) => ({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'RoleBinding',
  metadata: { name: 'helper' },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', ...roleRef },
  subjects,
});

const statusOf = async (call: Promise<unknown>): Promise<number> => {
  try {
    await call;
    return 200;
  } catch (error) {
    if (error instanceof ApiException) return error.code;
    throw error;
  }
};

describe('hostile tenant: lab tasks', () => {
  let t: TestApp;
  let author: string;
  let candidate: string;
  let rivalCandidate: string;
  let admin: ClusterAdapter;
  let work: string;

  beforeAll(async () => {
    t = await createTestApp();
    author = `Bearer ${await t.login('author')}`;
    candidate = `Bearer ${await t.login('candidate')}`;
    const platformAdmin = `Bearer ${await t.login('admin')}`;
    const rival = await t.http.post('/v1/organizations').set('authorization', platformAdmin).send({ slug: 'rival-school', name: 'Rival' }).expect(201);
    const invitation = await t.http
      .post(`/v1/organizations/${rival.body.id}/invitations`)
      .set('authorization', platformAdmin)
      .send({ email: 'c@rival-school.example', roles: ['candidate'] })
      .expect(201);
    await t.http.post('/v1/invitations/accept').send({ token: invitation.body.token, displayName: 'Victim', password: 'rival-school-pass' }).expect(200);
    rivalCandidate = `Bearer ${(await t.http.post('/v1/auth/login').send({ email: 'c@rival-school.example', password: 'rival-school-pass' }).expect(200)).body.accessToken}`;
    const registry = t.app.get(ClusterRegistry);
    admin = registry.adapterFor(await registry.pick());
    work = mkdtempSync(join(tmpdir(), 'hostile-labs-'));
  });
  afterAll(async () => {
    rmSync(work, { recursive: true, force: true });
    await t.close();
  });

  it('refuses the reported task (ClusterRole */*/* bound to system:serviceaccounts) with 422 naming the path', async () => {
    const refused = await t.http.post('/v1/labs').set('authorization', author).send(taskWith('harmless', escalation)).expect(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    const paths = refused.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['setup[0].kind', 'setup[1].kind']));
    expect(refused.body.detail).toContain('setup[0].kind');
    await t.http.get('/v1/labs/harmless').set('authorization', author).expect(404);
    expect(await admin.get('', { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', name: 'lab-helper' })).toBeNull();
  });

  const hostile: Array<[string, Record<string, unknown>, string]> = [
    ['a Namespace', { setup: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'mine' } }] }, 'setup[0].kind'],
    ['a PersistentVolume', { setup: [configMap, { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv' }, spec: { capacity: { storage: '1Gi' }, hostPath: { path: '/' } } }] }, 'setup[1].kind'],
    ['a ClusterRoleBinding in the solution', { setup: [], solution: { manifests: [configMap, escalation[1]] } }, 'solution.manifests[1].kind'],
    ['a ClusterRole in a wrong-solution step', { setup: [], wrongSolution: { steps: [{ manifests: [escalation[0]] }], expectFailed: ['exists'] } }, 'wrongSolution.steps[0].manifests[0].kind'],
    ['an object in another namespace', { setup: [{ ...configMap, metadata: { name: 'app', namespace: 'default' } }] }, 'setup[0].metadata.namespace'],
    [
      'a RoleBinding to a service account of another namespace',
      { setup: [roleBinding({ kind: 'ClusterRole', name: 'view' }, [{ kind: 'ServiceAccount', name: 'default', namespace: 'kube-system' }])] },
      'setup[0].subjects[0].namespace',
    ],
    [
      'a RoleBinding to every service account',
      { setup: [roleBinding({ kind: 'ClusterRole', name: 'view' }, [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'system:serviceaccounts' }])] },
      'setup[0].subjects[0].kind',
    ],
    ['a RoleBinding to cluster-admin', { setup: [roleBinding({ kind: 'ClusterRole', name: 'cluster-admin' }, [{ kind: 'ServiceAccount', name: 'candidate' }])] }, 'setup[0].roleRef.name'],
    [
      'a Role broader than the namespace grants',
      { setup: [{ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'all' }, rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }] }] },
      'setup[0].rules[0]',
    ],
    [
      'a Secret that would hold a service-account token',
      { setup: [{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 't', annotations: { 'kubernetes.io/service-account.name': 'candidate' } }, type: 'kubernetes.io/service-account-token' }] },
      'setup[0].type',
    ],
    [
      'a Pod mounting the node',
      { setup: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'busybox' }], volumes: [{ name: 'root', hostPath: { path: '/' } }] } }] },
      'setup[0].spec.volumes[0].hostPath',
    ],
    ['the lab quota overwritten', { setup: [{ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'lab-quota' }, spec: { hard: { pods: '10000' } } }] }, 'setup[0].metadata.name'],
    ['a check reading the nodes', { setup: [], checks: [{ ...check, target: { apiVersion: 'v1', kind: 'Node' } }] }, 'checks[0].target.kind'],
    ['a reference kubectl line aimed at another namespace', { setup: [], solution: { manifests: [configMap], kubectl: ['kubectl get secrets -n kube-system'] } }, 'solution.kubectl[0]'],
  ];

  it.each(hostile)('refuses %s when the task is created or replaced', async (_what, change, path) => {
    const created = await t.http.post('/v1/labs').set('authorization', author).send(taskWith('hostile', [], change)).expect(422);
    expect(created.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    await t.http.post('/v1/labs').set('authorization', author).send(taskWith('replaced', [])).expect(201);
    const replaced = await t.http.put('/v1/labs/replaced').set('authorization', author).send(taskWith('replaced', [], change)).expect(422);
    expect(replaced.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    await t.http.delete('/v1/labs/replaced').set('authorization', author).expect(204);
  });

  it('refuses at apply time a hostile task that bypassed creation (written into the table directly)', async () => {
    await t.app
      .get(DataSource)
      .query(`INSERT INTO lab_tasks (organization_id, task_id, definition) VALUES ($1, 'smuggled', $2)`, [t.organizationId, JSON.stringify(taskWith('smuggled', escalation))]);
    const refused = await t.http.post('/v1/labs/smuggled/sessions').set('authorization', candidate).expect(422);
    expect(refused.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['setup[0].kind', 'setup[1].kind']));
    expect(await admin.get('', { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', name: 'lab-helper' })).toBeNull();
    expect(await admin.get('', { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', name: 'lab-helper' })).toBeNull();
  });

  it('answers 422 and leaves nothing behind when the namespace identity may not do what a setup asks', async () => {
    // Within the policy, but quotas are create-only for the setup identity: the second write is refused.
    const quota = (pods: string) => ({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'team-quota' }, spec: { hard: { pods } } });
    await t.http.post('/v1/labs').set('authorization', author).send(taskWith('quota-twice', [quota('5'), quota('500')])).expect(201);
    const refused = await t.http.post('/v1/labs/quota-twice/sessions').set('authorization', candidate).expect(422);
    expect(refused.body.detail).toContain('refused the setup');
    const [row] = await t.app.get(DataSource).query(`SELECT status, namespace FROM lab_sessions WHERE task_id = 'quota-twice'`);
    expect(row.status).toBe('deleted');
    const ns = await admin.get('', { apiVersion: 'v1', kind: 'Namespace', name: row.namespace });
    expect(ns === null || ns.metadata?.deletionTimestamp !== undefined).toBe(true);
  });

  it('applies setup as an identity of the session namespace, so even a policy slip cannot leave it', async () => {
    const ns = 'lab-setup-probe';
    await admin.createLabNamespace(ns);
    await expect(admin.applyInNamespace(ns, escalation)).rejects.toThrow();
    expect(await admin.get('', { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', name: 'lab-helper' })).toBeNull();
    await expect(admin.applyInNamespace(ns, [{ ...configMap, metadata: { name: 'planted', namespace: 'default' } }])).rejects.toThrow();
    expect(await admin.get('default', { apiVersion: 'v1', kind: 'ConfigMap', name: 'planted' })).toBeNull();
    // Namespaced, but beyond the namespace's own rights: the lab's quota cannot be lifted.
    await admin.createLabNamespace(ns, { quota: { pods: 5 } });
    const quota = { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'lab-quota' }, spec: { hard: { pods: '10000' } } };
    await expect(admin.applyInNamespace(ns, [quota])).rejects.toThrow(ClusterScopeError);
    expect((await admin.get(ns, { apiVersion: 'v1', kind: 'ResourceQuota', name: 'lab-quota' }))?.spec.hard.pods).toBe('5');
    // What the namespace's own identity may do, it does (RBAC of the namespace included); and it does not outlive the call.
    await admin.applyInNamespace(ns, [
      configMap,
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'app' } },
      { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'reader' }, rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }] },
      { ...roleBinding({ kind: 'Role', name: 'reader' }, [{ kind: 'ServiceAccount', name: 'app' }]), metadata: { name: 'app-reads' } },
      { ...roleBinding({ kind: 'ClusterRole', name: 'view' }, [{ kind: 'ServiceAccount', name: 'app' }]), metadata: { name: 'app-views' } },
    ]);
    expect(await admin.get(ns, { apiVersion: 'v1', kind: 'ConfigMap', name: 'app' })).not.toBeNull();
    expect(await admin.list(ns, { apiVersion: 'v1', kind: 'ServiceAccount' })).not.toContainEqual(expect.objectContaining({ metadata: expect.objectContaining({ name: 'kubequiz-setup' }) }));
    const bindings = await admin.list(ns, { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding' });
    expect(bindings.map((b) => b.metadata?.name).sort()).toEqual(['app-reads', 'app-views']);
    await admin.deleteNamespace(ns);
  });

  describe("a candidate's kubeconfig", () => {
    let own: { namespace: string; kubeconfig: string };
    let victim: { namespace: string };
    let kc: KubeConfig;

    beforeAll(async () => {
      victim = (await t.http.post('/v1/labs/deployment-basics/sessions').set('authorization', rivalCandidate).expect(201)).body;
      await admin.apply(victim.namespace, [{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'answers' }, stringData: { key: 'secret' } }]);
      own = (await t.http.post('/v1/labs/deployment-basics/sessions').set('authorization', candidate).expect(201)).body;
      kc = new KubeConfig();
      kc.loadFromString(own.kubeconfig);
      writeFileSync(join(work, 'kubeconfig'), own.kubeconfig, { mode: 0o600 });
    });

    it('works in its own namespace', async () => {
      const core = kc.makeApiClient(CoreV1Api);
      expect(await statusOf(core.listNamespacedPod({ namespace: own.namespace }))).toBe(200);
      expect(await statusOf(core.listNamespacedSecret({ namespace: own.namespace }))).toBe(200);
      expect(await statusOf(core.createNamespacedConfigMap({ namespace: own.namespace, body: { metadata: { name: 'mine' } } }))).toBe(200);
    });

    it('is refused in every other namespace (client-node over HTTP)', async () => {
      const core = kc.makeApiClient(CoreV1Api);
      for (const namespace of ['default', 'kube-system', victim.namespace]) {
        expect([namespace, await statusOf(core.listNamespacedPod({ namespace }))]).toEqual([namespace, 403]);
        expect([namespace, await statusOf(core.listNamespacedSecret({ namespace }))]).toEqual([namespace, 403]);
        expect([namespace, await statusOf(core.createNamespacedConfigMap({ namespace, body: { metadata: { name: 'x' } } }))]).toEqual([namespace, 403]);
      }
      expect(await statusOf(core.readNamespacedSecret({ namespace: victim.namespace, name: 'answers' }))).toBe(403);
      expect(await statusOf(core.listSecretForAllNamespaces())).toBe(403);
    });

    it('is refused for every cluster-scoped read (client-node over HTTP)', async () => {
      const core = kc.makeApiClient(CoreV1Api);
      const rbac = kc.makeApiClient(RbacAuthorizationV1Api);
      const reads: Array<[string, Promise<unknown>]> = [
        ['namespaces', core.listNamespace()],
        ['nodes', core.listNode()],
        ['persistentvolumes', core.listPersistentVolume()],
        ['clusterroles', rbac.listClusterRole()],
        ['clusterrolebindings', rbac.listClusterRoleBinding()],
        ['own namespace object', core.readNamespace({ name: victim.namespace })],
      ];
      for (const [what, call] of reads) expect([what, await statusOf(call)]).toEqual([what, 403]);
    });

    const kubectl = existsSync(KUBECTL) ? it : it.skip;
    kubectl('is refused by a real kubectl everywhere but its own namespace', async () => {
      const as = (args: string[]) =>
        run(KUBECTL, ['--kubeconfig', join(work, 'kubeconfig'), ...args], { timeout: 20_000 }).then(
          () => 'allowed',
          (error: { stderr?: string }) => (/forbidden/i.test(error.stderr ?? '') ? 'forbidden' : `failed: ${error.stderr}`),
        );
      expect(await as(['get', 'pods'])).toBe('allowed');
      expect(await as(['get', 'secrets'])).toBe('allowed');
      for (const namespace of ['default', 'kube-system', victim.namespace]) {
        for (const resource of ['pods', 'secrets']) expect([namespace, resource, await as(['get', resource, '-n', namespace])]).toEqual([namespace, resource, 'forbidden']);
      }
      for (const resource of ['namespaces', 'nodes', 'clusterroles', 'clusterrolebindings', 'persistentvolumes']) {
        expect([resource, await as(['get', resource])]).toEqual([resource, 'forbidden']);
      }
      expect(await as(['get', 'secrets', '--all-namespaces'])).toBe('forbidden');
    });
  });
});
