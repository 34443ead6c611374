import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SandboxClusterHandle } from '../../index.js';
import { startTestCluster } from '../../testing/test-support.js';

const KUBECTL = process.env.KUBECTL ?? 'kubectl';

describe(`simulated workloads through the real kubectl (${KUBECTL})`, () => {
  let cluster: SandboxClusterHandle;
  let dir: string;
  let config: string;
  const run = (args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> =>
    new Promise((resolve) => {
      const child = execFile(KUBECTL, ['--kubeconfig', config, '--cache-dir', join(dir, 'cache'), '-n', 'wk', ...args], { timeout: 30000, env: { ...process.env, HOME: dir, KUBECONFIG: '' } }, (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout: String(stdout), stderr: String(stderr) }),
      );
      if (stdin !== undefined) child.stdin?.end(stdin);
    });
  const ok = async (args: string[], stdin?: string) => {
    const r = await run(args, stdin);
    if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} failed (${r.code}): ${r.stderr}`);
    return r.stdout;
  };
  const eventually = async (args: string[], test: (out: string) => boolean, ms = 5000) => {
    const end = Date.now() + ms;
    let out = '';
    while (Date.now() < end) {
      out = (await run(args)).stdout;
      if (test(out)) return out;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`kubectl ${args.join(' ')} never matched; last output:\n${out}`);
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sandbox-kubectl-wk-'));
    cluster = await startTestCluster();
    config = join(dir, 'config');
    writeFileSync(config, cluster.kubeconfig());
    const probe = await run(['version', '--client']);
    if (probe.code !== 0) throw new Error(`kubectl is required for this suite (apt-get install kubernetes-client, or set KUBECTL): ${probe.stderr}`);
    await ok(['create', 'namespace', 'wk']);
  }, 60000);
  afterAll(async () => {
    await cluster.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates, scales and rolls a Deployment out and back', async () => {
    await ok(['create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=3']);
    expect(await ok(['rollout', 'status', 'deployment/web', '--timeout=20s'])).toContain('deployment "web" successfully rolled out');
    const pods = await ok(['get', 'pods', '-l', 'app=web', '-o', 'wide']);
    expect(pods.trim().split('\n').slice(1).filter((l) => /1\/1\s+Running/.test(l))).toHaveLength(3);
    expect(await ok(['get', 'deploy', 'web'])).toMatch(/web\s+3\/3\s+3\s+3/);
    await ok(['scale', 'deployment/web', '--replicas=5']);
    await eventually(['get', 'deploy', 'web'], (o) => /web\s+5\/5\s+5\s+5/.test(o));
    await ok(['scale', 'deployment/web', '--replicas=3']);
    await eventually(['get', 'pods', '-l', 'app=web', '-o', 'name'], (o) => o.trim().split('\n').length === 3);
    await ok(['set', 'image', 'deployment/web', 'nginx=nginx:1.26', '--record']);
    expect(await ok(['rollout', 'status', 'deployment/web', '--timeout=20s'])).toContain('successfully rolled out');
    expect(await ok(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.template.spec.containers[0].image}'])).toBe('nginx:1.26');
    const history = await ok(['rollout', 'history', 'deployment/web']);
    expect(history).toMatch(/REVISION\s+CHANGE-CAUSE/);
    expect(history).toMatch(/1\s+<none>/);
    expect(history).toMatch(/2\s+kubectl.* set image deployment\/web nginx=nginx:1\.26/);
    expect(await ok(['rollout', 'undo', 'deployment/web'])).toContain('rolled back');
    expect(await ok(['rollout', 'status', 'deployment/web', '--timeout=20s'])).toContain('successfully rolled out');
    expect(await ok(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.template.spec.containers[0].image}'])).toBe('nginx:1.25');
    expect(await ok(['get', 'deploy', 'web', '-o', 'jsonpath={.metadata.annotations.deployment\\.kubernetes\\.io/revision}'])).toBe('3');
    const rs = await ok(['get', 'rs', '-l', 'app=web']);
    expect(rs.trim().split('\n')).toHaveLength(3);
    const events = await ok(['get', 'events', '--field-selector', 'involvedObject.kind=Deployment']);
    expect(events).toMatch(/ScalingReplicaSet/);
  }, 60000);

  it('pauses, resumes and restarts a rollout', async () => {
    expect(await ok(['rollout', 'pause', 'deployment/web'])).toContain('paused');
    await ok(['set', 'image', 'deployment/web', 'nginx=nginx:1.27']);
    await new Promise((r) => setTimeout(r, 300));
    expect(await ok(['get', 'pods', '-l', 'app=web', '-o', 'jsonpath={.items[*].spec.containers[0].image}'])).not.toContain('1.27');
    expect(await ok(['rollout', 'resume', 'deployment/web'])).toContain('resumed');
    expect(await ok(['rollout', 'status', 'deployment/web', '--timeout=20s'])).toContain('successfully rolled out');
    expect(await ok(['rollout', 'restart', 'deployment/web'])).toContain('restarted');
    expect(await ok(['rollout', 'status', 'deployment/web', '--timeout=20s'])).toContain('successfully rolled out');
    expect(await ok(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.template.metadata.annotations}'])).toContain('kubectl.kubernetes.io/restartedAt');
  }, 60000);

  it('shows ImagePullBackOff, endpoints, a completed Job, a StatefulSet and a DaemonSet', async () => {
    await ok(['run', 'broken', '--image=nginx:doesnotexist']);
    await eventually(['get', 'pod', 'broken'], (o) => /broken\s+0\/1\s+(ImagePullBackOff|ErrImagePull)/.test(o));
    const described = await eventually(['describe', 'pod', 'broken'], (o) => /Back-off pulling image/.test(o));
    expect(described).toMatch(/Failed to pull image "nginx:doesnotexist"/);
    await ok(['expose', 'deployment', 'web', '--port=80']);
    await eventually(['get', 'endpoints', 'web'], (o) => /web\s+(\d+\.){3}\d+:80,(\d+\.){3}\d+:80,(\d+\.){3}\d+:80/.test(o));
    await ok(['create', 'job', 'hello', '--image=busybox', '--', 'sh', '-c', 'echo hello from the job']);
    expect(await ok(['wait', '--for=condition=complete', 'job/hello', '--timeout=20s'])).toContain('condition met');
    expect(await ok(['logs', 'job/hello'])).toBe('hello from the job\n');
    await ok(
      ['apply', '-f', '-'],
      `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  replicas: 3
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: db, image: redis:7, volumeMounts: [{name: data, mountPath: /data}]}]}
  volumeClaimTemplates:
  - metadata: {name: data}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec: {containers: [{name: agent, image: fluentd}]}
`,
    );
    expect(await ok(['rollout', 'status', 'statefulset/db', '--timeout=20s'])).toMatch(/roll out complete|partitioned roll out complete|3 pods at revision/);
    expect((await ok(['get', 'pvc', '-o', 'name'])).trim().split('\n')).toEqual(['persistentvolumeclaim/data-db-0', 'persistentvolumeclaim/data-db-1', 'persistentvolumeclaim/data-db-2']);
    expect(await ok(['get', 'pvc', 'data-db-0'])).toMatch(/data-db-0\s+Bound\s+pvc-\S+\s+1Gi\s+RWO\s+standard/);
    expect(await ok(['rollout', 'status', 'daemonset/agent', '--timeout=20s'])).toContain('successfully rolled out');
    expect(await ok(['get', 'ds', 'agent'])).toMatch(/agent\s+3\s+3\s+3\s+3\s+3/);
    expect(await ok(['get', 'sc'])).toMatch(/standard \(default\)\s+sandbox\.kubequiz\.io\/hostpath\s+Delete\s+Immediate/);
  }, 60000);

  it('deletes a namespace with everything in it', async () => {
    await ok(['delete', 'namespace', 'wk', '--timeout=20s']);
    const left = await run(['get', 'all', '-o', 'name']);
    expect(left.stdout.trim()).toBe('');
    expect((await run(['get', 'namespace', 'wk'])).stderr).toMatch(/NotFound|not found/);
  }, 60000);
});
