import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findKubectlMatrix } from '../labs/core/testing/kubectl-binaries.js';
import type { SandboxClusterHandle } from './index.js';
import { call, startTestCluster } from './testing/test-support.js';

/**
 * Impersonation, SubjectAccessReview and node maintenance (cordon, drain through the
 * eviction API, PodDisruptionBudgets) driven by real kubectl binaries: the system one and
 * every matrix minor that is installed. The simulation runs on the real clock, so pods
 * become Ready and evicted pods are replaced as on a cluster.
 */
const matrix = await findKubectlMatrix();

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let cluster: SandboxClusterHandle;
let dir: string;
let adminConfig: string;

const file = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

const runWith = (binary: string, args: string[], config = adminConfig): Promise<Run> =>
  new Promise((resolve) => {
    execFile(
      binary,
      ['--kubeconfig', config, '--cache-dir', join(dir, 'cache', binary.replace(/\W/g, '_')), ...args],
      { timeout: 60000, env: { ...process.env, HOME: dir, KUBECONFIG: '' } },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout: String(stdout), stderr: String(stderr) }),
    );
  });

async function until(what: string, test: () => boolean, timeoutMs = 10000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const readyPods = (ns: string) =>
  cluster.core.store.list('/pods', ns).filter((p) => !p.metadata.deletionTimestamp && (p.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True'));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sandbox-maintenance-'));
  cluster = await startTestCluster();
  adminConfig = file('admin.yaml', cluster.kubeconfig());
}, 60000);
afterAll(async () => {
  await cluster?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('impersonation and node maintenance through real kubectl', () => {
  it(`has kubectl binaries: ${matrix.found.map((k) => `${k.label} (${k.version})`).join(', ') || 'none'}`, () => {
    if (matrix.missing.length) console.warn(`kubectl matrix: skipped\n  ${matrix.missing.join('\n  ')}`);
    expect(matrix.found.length).toBeGreaterThan(0);
  });

  it('checks the caller may impersonate before acting as someone else (raw headers)', async () => {
    await call(cluster, '/api/v1/namespaces', { method: 'POST', body: { metadata: { name: 'imp-raw' } } });
    await call(cluster, '/api/v1/namespaces/imp-raw/secrets', { method: 'POST', body: { metadata: { name: 's' }, stringData: { a: 'b' } } });
    expect((await call(cluster, '/api/v1/namespaces/imp-raw/secrets')).status).toBe(200);
    const asJane = await call(cluster, '/api/v1/namespaces/imp-raw/secrets', { headers: { 'Impersonate-User': 'jane' } });
    expect(asJane.status).toBe(403);
    expect(asJane.json.message).toBe('secrets is forbidden: User "jane" cannot list resource "secrets" in API group "" in the namespace "imp-raw"');
    const groupOnly = await call(cluster, '/api/v1/namespaces/imp-raw/secrets', { headers: { 'Impersonate-Group': 'system:masters' } });
    expect(groupOnly.status).toBe(400);
    expect(groupOnly.json.message).toContain('without impersonating a user');
    const malformed = await call(cluster, '/api/v1/namespaces/imp-raw/secrets', { headers: { 'Impersonate-User': 'jane', 'Impersonate-Extra-%zz': 'x' } });
    expect(malformed.status).toBe(400);
    const asMaster = await call(cluster, '/api/v1/namespaces/imp-raw/secrets', { headers: { 'Impersonate-User': 'jane', 'Impersonate-Group': 'system:masters' } });
    expect(asMaster.status).toBe(200);

    // A service account with no impersonate rights is refused for each kind of impersonation.
    await call(cluster, '/api/v1/namespaces/imp-raw/serviceaccounts', { method: 'POST', body: { metadata: { name: 'plain' } } });
    const token = (await call(cluster, '/api/v1/namespaces/imp-raw/serviceaccounts/plain/token', { method: 'POST', body: { spec: {} } })).json.status.token;
    const refused = async (headers: Record<string, string>) => (await call(cluster, '/api/v1/namespaces/imp-raw/pods', { token, headers })).json;
    expect((await refused({ 'Impersonate-User': 'system:serviceaccount:imp-raw:default' })).message).toBe(
      'serviceaccounts "default" is forbidden: User "system:serviceaccount:imp-raw:plain" cannot impersonate resource "serviceaccounts" in API group "" in the namespace "imp-raw"',
    );
    expect((await refused({ 'Impersonate-User': 'jane' })).message).toContain('users "jane" is forbidden: User "system:serviceaccount:imp-raw:plain" cannot impersonate resource "users" in API group "" at the cluster scope');
    await call(cluster, '/apis/rbac.authorization.k8s.io/v1/clusterroles', {
      method: 'POST',
      body: { metadata: { name: 'impersonate-jane' }, rules: [{ apiGroups: [''], resources: ['users'], verbs: ['impersonate'], resourceNames: ['jane'] }] },
    });
    await call(cluster, '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings', {
      method: 'POST',
      body: { metadata: { name: 'plain-impersonates-jane' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'impersonate-jane' }, subjects: [{ kind: 'ServiceAccount', name: 'plain', namespace: 'imp-raw' }] },
    });
    // Now jane may be impersonated, but not with a uid, an extra or a group the role does not name.
    expect((await refused({ 'Impersonate-User': 'jane' })).message).toBe('pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "imp-raw"');
    expect((await refused({ 'Impersonate-User': 'jane', 'Impersonate-Uid': 'u-1' })).message).toContain('uids.authentication.k8s.io "u-1" is forbidden: User "system:serviceaccount:imp-raw:plain" cannot impersonate resource "uids" in API group "authentication.k8s.io" at the cluster scope');
    expect((await refused({ 'Impersonate-User': 'jane', 'Impersonate-Extra-Scopes': 'view' })).message).toContain('cannot impersonate resource "userextras/scopes" in API group "authentication.k8s.io"');
    expect((await refused({ 'Impersonate-User': 'jane', 'Impersonate-Group': 'system:masters' })).message).toContain('groups "system:masters" is forbidden');
  }, 30000);

  for (const kubectl of matrix.found) {
    describe(`kubectl ${kubectl.label} (${kubectl.version})`, () => {
      const ns = `maint-${kubectl.label.replace(/\W/g, '')}`;
      const run = (args: string[], config?: string) => runWith(kubectl.path, args, config);
      const ok = async (args: string[], config?: string): Promise<string> => {
        const r = await run(args, config);
        if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} failed (${r.code}): ${r.stderr}`);
        return r.stdout;
      };

      beforeAll(async () => {
        await ok(['create', 'namespace', ns]);
      }, 30000);
      afterAll(async () => {
        await run(['uncordon', 'sandbox-node-1']);
        await run(['delete', 'namespace', ns]);
      }, 30000);

      it('answers auth can-i and requests as the impersonated user, and SubjectAccessReview the same', async () => {
        await ok(['-n', ns, 'create', 'serviceaccount', 'worker']);
        await ok(['-n', ns, 'create', 'role', 'deployer', '--verb=get,list,create', '--resource=deployments,pods']);
        await ok(['-n', ns, 'create', 'rolebinding', 'deployer', '--role=deployer', `--serviceaccount=${ns}:worker`]);
        await ok(['-n', ns, 'create', 'rolebinding', 'devs-view', '--clusterrole=view', '--group=devs']);
        const canI = async (args: string[]) => (await run(['-n', ns, 'auth', 'can-i', ...args])).stdout.trim();
        expect(await canI(['create', 'deployments', `--as=system:serviceaccount:${ns}:nobody`])).toBe('no');
        expect(await canI(['create', 'deployments', `--as=system:serviceaccount:${ns}:worker`])).toBe('yes');
        expect(await canI(['create', 'deployments'])).toBe('yes');
        expect(await canI(['list', 'pods', '--as=jane'])).toBe('no');
        expect(await canI(['list', 'pods', '--as=jane', '--as-group=devs'])).toBe('yes');
        // Service accounts get their groups from the name: system:serviceaccounts may be bound.
        await ok(['-n', ns, 'create', 'rolebinding', 'sa-config', '--clusterrole=view', '--group=system:serviceaccounts']);
        expect(await canI(['list', 'configmaps', `--as=system:serviceaccount:${ns}:nobody`])).toBe('yes');

        const secrets = await run(['-n', ns, 'get', 'secrets', '--as=jane', '--as-group=devs']);
        expect(secrets.code).not.toBe(0);
        expect(secrets.stderr).toContain(`secrets is forbidden: User "jane" cannot list resource "secrets" in API group "" in the namespace "${ns}"`);
        expect((await run(['-n', ns, 'get', 'pods', '--as=jane', '--as-group=devs'])).code).toBe(0);

        const review = (user: string, groups: string[], verb: string, resource: string) =>
          file(
            `sar-${ns}-${verb}-${resource}.yaml`,
            `apiVersion: authorization.k8s.io/v1\nkind: SubjectAccessReview\nspec:\n  user: "${user}"\n  groups: [${groups.map((g) => `"${g}"`).join(', ')}]\n  resourceAttributes: {namespace: ${ns}, verb: ${verb}, group: apps, resource: ${resource}}\n`,
          );
        const allowed = (path: string) => ok(['create', '-f', path, '-o', 'jsonpath={.status.allowed}']);
        expect(await allowed(review(`system:serviceaccount:${ns}:worker`, [], 'create', 'deployments'))).toBe('true');
        expect(await allowed(review(`system:serviceaccount:${ns}:nobody`, [], 'create', 'deployments'))).toBe('false');
        expect(await allowed(review('jane', ['devs'], 'delete', 'deployments'))).toBe('false');
        expect(await allowed(review('jane', ['devs'], 'list', 'deployments'))).toBe('true');
      }, 60000);

      it('cordons with the unschedulable taint, drains through evictions a PDB can block, and uncordons', async () => {
        await ok(['-n', ns, 'create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=3']);
        await until('3 web pods are Ready', () => readyPods(ns).length === 3);
        const onNode1 = () => readyPods(ns).filter((p) => p.spec.nodeName === 'sandbox-node-1');
        expect(onNode1()).toHaveLength(1);

        expect(await ok(['-n', ns, 'create', 'pdb', 'web', '--selector=app=web', '--max-unavailable=0'])).toContain('poddisruptionbudget.policy/web created');
        const pdb = JSON.parse(await ok(['-n', ns, 'get', 'pdb', 'web', '-o', 'json']));
        expect(pdb.status).toMatchObject({ currentHealthy: 3, desiredHealthy: 3, disruptionsAllowed: 0, expectedPods: 3 });
        expect(await ok(['-n', ns, 'get', 'pdb'])).toMatch(/web\s+N\/A\s+0\s+0\s+\d+s/);
        // apply validates the manifest against /openapi/v2 (older kubectl) or the server (newer).
        const spare = file(`spare-${ns}.yaml`, `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: spare\n  namespace: ${ns}\nspec:\n  minAvailable: 50%\n  selector:\n    matchLabels: {app: spare}\n`);
        expect(await ok(['apply', '-f', spare])).toContain('poddisruptionbudget.policy/spare created');
        expect(await ok(['apply', '-f', spare])).toContain('poddisruptionbudget.policy/spare unchanged');
        expect(await ok(['explain', 'poddisruptionbudget.spec.maxUnavailable'])).toMatch(/maxUnavailable/);

        const blocked = await run(['drain', 'sandbox-node-1', '--ignore-daemonsets', '--timeout=2s']);
        expect(blocked.code).not.toBe(0);
        expect(blocked.stderr).toContain("Cannot evict pod as it would violate the pod's disruption budget.");
        expect(onNode1()).toHaveLength(1);
        const node = JSON.parse(await ok(['get', 'node', 'sandbox-node-1', '-o', 'json']));
        expect(node.spec.unschedulable).toBe(true);
        expect(node.spec.taints).toEqual([{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: expect.any(String) }]);
        expect(await ok(['describe', 'node', 'sandbox-node-1'])).toMatch(/Taints:\s+node\.kubernetes\.io\/unschedulable:NoSchedule/);

        await ok(['-n', ns, 'patch', 'pdb', 'web', '--type=merge', '-p', '{"spec":{"maxUnavailable":1}}']);
        const drained = await run(['drain', 'sandbox-node-1', '--ignore-daemonsets', '--timeout=30s']);
        expect(drained.stderr).not.toContain('error');
        expect(drained.code).toBe(0);
        expect(drained.stdout).toMatch(/pod\/web-\S+ evicted/);
        expect(drained.stdout).toContain('node/sandbox-node-1 drained');
        expect(cluster.core.store.list('/pods', ns).filter((p) => p.spec.nodeName === 'sandbox-node-1')).toHaveLength(0);
        // The ReplicaSet replaces the evicted pod elsewhere, and the budget recovers.
        await until('3 web pods are Ready again', () => readyPods(ns).length === 3);
        expect(readyPods(ns).every((p) => p.spec.nodeName !== 'sandbox-node-1')).toBe(true);
        await until('the budget allows one disruption again', () => cluster.core.store.get('policy/poddisruptionbudgets', ns, 'web')?.status?.disruptionsAllowed === 1);

        expect(await ok(['uncordon', 'sandbox-node-1'])).toContain('node/sandbox-node-1 uncordoned');
        const after = JSON.parse(await ok(['get', 'node', 'sandbox-node-1', '-o', 'json']));
        expect(after.spec.unschedulable).toBeUndefined();
        expect(after.spec.taints).toBeUndefined();
      }, 60000);
    });
  }
});
