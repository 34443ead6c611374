import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SandboxClusterHandle } from './index.js';
import { call, startTestCluster } from './testing/test-support.js';

// The real kubectl (Debian's kubernetes-client, or any kubectl on PATH; KUBECTL overrides).
const KUBECTL = process.env.KUBECTL ?? 'kubectl';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

describe(`sandbox cluster through the real kubectl (${KUBECTL})`, () => {
  let cluster: SandboxClusterHandle;
  let dir: string;
  let adminConfig: string;

  const kubectl = (args: string[], opts: { config?: string; stdin?: string } = {}): Promise<Run> =>
    new Promise((resolve) => {
      const child = execFile(
        KUBECTL,
        ['--kubeconfig', opts.config ?? adminConfig, '--cache-dir', join(dir, 'cache'), ...args],
        { timeout: 30000, env: { ...process.env, HOME: dir, KUBECONFIG: '' } },
        (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout: String(stdout), stderr: String(stderr) }),
      );
      if (opts.stdin !== undefined) child.stdin?.end(opts.stdin);
    });
  const ok = async (args: string[], opts: { config?: string; stdin?: string } = {}): Promise<string> => {
    const r = await kubectl(args, opts);
    if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} failed (${r.code}): ${r.stderr}`);
    return r.stdout;
  };
  const file = (name: string, text: string): string => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sandbox-kubectl-'));
    cluster = await startTestCluster({ core: { simulation: false } }) // the API server alone: pods stay Pending;
    adminConfig = file('admin.yaml', cluster.kubeconfig());
    const probe = await kubectl(['version', '--client']);
    if (probe.code !== 0) throw new Error(`kubectl is required for this suite (apt-get install kubernetes-client, or set KUBECTL): ${probe.stderr}`);
    await ok(['create', 'namespace', 'kc']);
  }, 60000);
  afterAll(async () => {
    await cluster.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates with generators and from files, and reads back in every output format', async () => {
    expect(await ok(['-n', 'kc', 'create', 'deployment', 'web', '--image=nginx:1.25'])).toContain('deployment.apps/web created');
    expect(await ok(['-n', 'kc', 'create', 'configmap', 'settings', '--from-literal=mode=demo'])).toContain('configmap/settings created');
    expect(await ok(['-n', 'kc', 'create', 'secret', 'generic', 'creds', '--from-literal=password=s3cret'])).toContain('secret/creds created');
    const podFile = file('pod.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: solo\n  labels: {app: solo, tier: back}\nspec:\n  containers:\n  - name: main\n    image: busybox:1.36\n    command: ["sleep", "3600"]\n');
    expect(await ok(['-n', 'kc', 'create', '-f', podFile])).toContain('pod/solo created');
    const json = JSON.parse(await ok(['-n', 'kc', 'get', 'deployment', 'web', '-o', 'json']));
    expect(json).toMatchObject({ kind: 'Deployment', spec: { replicas: 1, selector: { matchLabels: { app: 'web' } } } });
    expect(await ok(['-n', 'kc', 'get', 'secret', 'creds', '-o', 'jsonpath={.data.password}'])).toBe(Buffer.from('s3cret').toString('base64'));
    expect(await ok(['-n', 'kc', 'get', 'configmap', 'settings', '-o', 'yaml'])).toMatch(/mode: demo/);
    const table = await ok(['-n', 'kc', 'get', 'pods']);
    expect(table).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\n/);
    expect(table).toMatch(/solo\s+0\/1\s+Pending\s+0\s+\d+s/);
    expect(await ok(['-n', 'kc', 'get', 'deploy', '-o', 'wide'])).toMatch(/web\s+0\/1\s+0\s+0\s+\S+\s+nginx\s+nginx:1\.25\s+app=web/);
    const cols = await ok(['-n', 'kc', 'get', 'pods', '-o', 'custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image']);
    expect(cols.trim().split('\n')).toEqual([expect.stringMatching(/^NAME\s+IMAGE$/), expect.stringMatching(/^solo\s+busybox:1\.36$/)]);
    expect((await ok(['-n', 'kc', 'get', 'pods', '-l', 'tier=back', '-o', 'name'])).trim()).toBe('pod/solo');
    expect((await ok(['-n', 'kc', 'get', 'pods', '-l', 'tier!=back', '-o', 'name'])).trim()).toBe('');
    expect(await ok(['get', 'namespaces'])).toMatch(/kc\s+Active/);
  });

  it('describes pods, deployments, services and namespaces', async () => {
    await ok(['-n', 'kc', 'expose', 'deployment', 'web', '--port=80', '--target-port=8080']);
    for (const target of [['pod', 'solo'], ['deployment', 'web'], ['service', 'web']]) {
      const out = await ok(['-n', 'kc', 'describe', ...target]);
      expect(out).toMatch(new RegExp(`^Name:\\s+${target[1]}`, 'm'));
    }
    expect(await ok(['-n', 'kc', 'describe', 'service', 'web'])).toMatch(/TargetPort:\s+8080\/TCP/);
    expect(await ok(['describe', 'namespace', 'kc'])).toMatch(/Status:\s+Active/);
  });

  it('applies a manifest twice (create, then configure) and reports unchanged', async () => {
    const manifest = (replicas: number) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  namespace: kc\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels: {app: api}\n  template:\n    metadata:\n      labels: {app: api}\n    spec:\n      containers:\n      - name: api\n        image: nginx:1.25\n        ports:\n        - containerPort: 80\n        env:\n        - {name: MODE, value: "r${replicas}"}\n`;
    expect(await ok(['apply', '-f', file('api1.yaml', manifest(1))])).toContain('deployment.apps/api created');
    expect(await ok(['apply', '-f', file('api2.yaml', manifest(3))])).toContain('deployment.apps/api configured');
    expect(await ok(['apply', '-f', file('api3.yaml', manifest(3))])).toContain('deployment.apps/api unchanged');
    const d = JSON.parse(await ok(['-n', 'kc', 'get', 'deploy', 'api', '-o', 'json']));
    expect(d.spec.replicas).toBe(3);
    expect(d.spec.template.spec.containers[0].env).toEqual([{ name: 'MODE', value: 'r3' }]);
    expect(d.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']).toContain('"replicas":3');
    expect(d.metadata.generation).toBe(2);
  });

  it('patches with strategic, merge and JSON patches; labels, annotates and scales', async () => {
    await ok(['-n', 'kc', 'patch', 'deployment', 'web', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}}}']);
    await ok(['-n', 'kc', 'patch', 'deployment', 'web', '--type=merge', '-p', '{"spec":{"minReadySeconds":5}}']);
    await ok(['-n', 'kc', 'patch', 'deployment', 'web', '--type=json', '-p', '[{"op":"add","path":"/spec/revisionHistoryLimit","value":3}]']);
    await ok(['-n', 'kc', 'label', 'deployment', 'web', 'tier=front']);
    await ok(['-n', 'kc', 'annotate', 'deployment', 'web', 'owner=team-a']);
    expect(await ok(['-n', 'kc', 'scale', 'deployment', 'web', '--replicas=4'])).toContain('scaled');
    const d = JSON.parse(await ok(['-n', 'kc', 'get', 'deploy', 'web', '-o', 'json']));
    expect(d.spec.template.spec.containers.map((c: { image: string }) => c.image)).toEqual(['nginx:1.27']);
    expect(d.spec).toMatchObject({ minReadySeconds: 5, revisionHistoryLimit: 3, replicas: 4 });
    expect(d.metadata.labels).toEqual({ app: 'web', tier: 'front' });
    expect(d.metadata.annotations.owner).toBe('team-a');
    expect(await ok(['-n', 'kc', 'get', 'deploy', '-l', 'tier=front', '-o', 'jsonpath={.items[*].metadata.name}'])).toBe('web');
  });

  it('runs --dry-run=server without persisting, and surfaces server validation errors', async () => {
    expect(await ok(['-n', 'kc', 'create', 'configmap', 'ghost', '--from-literal=a=b', '--dry-run=server', '-o', 'name'])).toContain('configmap/ghost');
    expect((await kubectl(['-n', 'kc', 'get', 'configmap', 'ghost'])).stderr).toContain('configmaps "ghost" not found');
    const bad = await kubectl(['-n', 'kc', 'create', 'deployment', 'Bad_Name', '--image=nginx']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('Deployment.apps "Bad_Name" is invalid');
  });

  it('lists api-resources and explains fields from the OpenAPI document', async () => {
    const resources = await ok(['api-resources']);
    expect(resources).toMatch(/deployments\s+deploy\s+apps\/v1\s+true\s+Deployment/);
    expect(resources).toMatch(/namespaces\s+ns\s+v1\s+false\s+Namespace/);
    const explain = await ok(['explain', 'deployment.spec.replicas']);
    expect(explain).toMatch(/KIND:\s+Deployment/);
    expect(explain).toMatch(/replicas\s+<integer>/);
    expect(explain).toMatch(/Number of desired pods/);
  });

  it('confines a TokenRequest service-account token to its namespace (auth can-i, 403 elsewhere)', async () => {
    await ok(['-n', 'kc', 'create', 'serviceaccount', 'candidate']);
    await ok(['-n', 'kc', 'create', 'role', 'lab', '--verb=get,list,watch,create,update,patch,delete', '--resource=pods,deployments,configmaps']);
    await ok(['-n', 'kc', 'create', 'rolebinding', 'lab', '--role=lab', '--serviceaccount=kc:candidate']);
    const tr = await call(cluster, '/api/v1/namespaces/kc/serviceaccounts/candidate/token', { method: 'POST', body: { spec: { expirationSeconds: 3600 } } });
    const config = file('candidate.yaml', cluster.kubeconfig({ token: tr.json.status.token, namespace: 'kc', user: 'candidate' }));
    expect((await ok(['get', 'pods', '-o', 'name'], { config })).trim()).toBe('pod/solo');
    expect((await ok(['auth', 'can-i', 'create', 'deployments'], { config })).trim()).toBe('yes');
    const cannot = await kubectl(['auth', 'can-i', 'create', 'deployments', '-n', 'default'], { config });
    expect(cannot.stdout.trim()).toBe('no');
    const other = await kubectl(['get', 'pods', '-n', 'default'], { config });
    expect(other.code).not.toBe(0);
    expect(other.stderr).toContain('pods is forbidden: User "system:serviceaccount:kc:candidate" cannot list resource "pods" in API group "" in the namespace "default"');
    const nodes = await kubectl(['get', 'namespaces'], { config });
    expect(nodes.stderr).toContain('cannot list resource "namespaces" in API group "" at the cluster scope');
    expect((await ok(['auth', 'can-i', 'list', 'nodes'])).trim()).toBe('yes');
  });

  it('deletes objects and namespaces', async () => {
    expect(await ok(['-n', 'kc', 'delete', 'configmap', 'settings'])).toContain('configmap "settings" deleted');
    expect(await ok(['-n', 'kc', 'delete', 'pod', 'solo'])).toContain('pod "solo" deleted');
    await ok(['create', 'namespace', 'short-lived']);
    expect(await ok(['delete', 'namespace', 'short-lived'])).toContain('namespace "short-lived" deleted');
    expect((await kubectl(['get', 'namespace', 'short-lived'])).stderr).toContain('namespaces "short-lived" not found');
  });
});
