import { createSandboxClusterCore, type SandboxClusterCore } from '../../core.js';
import type { Json } from '../../core/types.js';
import { ManualClock } from '../../testing/manual-clock.js';

describe('nodes, scheduler and kubelet on a stepped clock', () => {
  let core: SandboxClusterCore;
  let clock: ManualClock;
  const podDef = () => core.registry.forKind('', 'Pod')!;
  const pod = (name: string) => core.store.get('/pods', 'default', name)!;
  const step = async (ms: number) => {
    clock.advance(ms);
    await core.simulation!.settle();
  };
  const create = (name: string, spec: Json, annotations?: Record<string, string>) =>
    core.api.create(podDef(), 'default', { metadata: { name, annotations }, spec }, { fieldManager: 'test' });
  const events = (name: string) =>
    core.store
      .list('/events', 'default')
      .filter((e) => e.involvedObject.name === name)
      .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
      .map((e) => e.reason);

  beforeEach(async () => {
    clock = new ManualClock();
    core = await createSandboxClusterCore({ clock });
  });
  afterEach(() => core.close());

  it('registers three ready nodes with capacity and heartbeats', async () => {
    const nodes = core.store.list('/nodes');
    expect(nodes.map((n) => n.metadata.name)).toEqual(['sandbox-node-1', 'sandbox-node-2', 'sandbox-node-3']);
    expect(nodes[0]!.status).toMatchObject({ capacity: { cpu: '4', memory: '8Gi', pods: '110' }, allocatable: { cpu: '4' } });
    const before = nodes[0]!.status.conditions.find((c: Json) => c.type === 'Ready');
    expect(before.status).toBe('True');
    await step(41_000);
    const after = core.store.get('/nodes', '', 'sandbox-node-1')!.status.conditions.find((c: Json) => c.type === 'Ready');
    expect(Date.parse(after.lastHeartbeatTime)).toBeGreaterThan(Date.parse(before.lastHeartbeatTime));
  });

  it('takes a pod through ContainerCreating to Running and Ready after the probe delay', async () => {
    create('web', { containers: [{ name: 'main', image: 'nginx:1.25', readinessProbe: { httpGet: { path: '/', port: 80 }, initialDelaySeconds: 5 } }] });
    await step(0);
    expect(pod('web').spec.nodeName).toMatch(/^sandbox-node-/);
    expect(pod('web').status.containerStatuses[0].state.waiting.reason).toBe('ContainerCreating');
    await step(200);
    expect(pod('web').status).toMatchObject({ phase: 'Running', podIP: expect.stringMatching(/^10\.244\./) });
    expect(pod('web').status.containerStatuses[0]).toMatchObject({ ready: false, image: 'docker.io/library/nginx:1.25', imageID: expect.stringContaining('@sha256:') });
    await step(5000);
    expect(pod('web').status.conditions.find((c: Json) => c.type === 'Ready').status).toBe('True');
    expect(events('web')).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']);
    expect(core.podLogs('default', 'web', 'main')).toContain('start worker processes');
  });

  it('reports ErrImagePull then ImagePullBackOff for an image that cannot exist', async () => {
    create('bad', { containers: [{ name: 'main', image: 'nginx:doesnotexist' }] });
    await step(0);
    await step(200);
    expect(pod('bad').status.containerStatuses[0].state.waiting.reason).toBe('ErrImagePull');
    await step(1000);
    expect(pod('bad').status.containerStatuses[0].state.waiting.reason).toBe('ImagePullBackOff');
    expect(pod('bad').status.phase).toBe('Pending');
    expect(events('bad')).toEqual(expect.arrayContaining(['Failed', 'BackOff']));
  });

  it('runs commands to completion, crash-loops with restarts, and refuses missing config', async () => {
    create('once', { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox', command: ['sh', '-c', 'echo hello world'] }] });
    create('crash', { containers: [{ name: 'main', image: 'busybox', env: [{ name: 'SANDBOX_CRASH', value: '1' }] }] });
    create('cfg', { containers: [{ name: 'main', image: 'busybox', env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'missing', key: 'k' } } }] }] });
    await step(0);
    await step(200);
    await step(600);
    expect(pod('once').status.phase).toBe('Succeeded');
    expect(core.podLogs('default', 'once', 'main')).toBe('hello world\n');
    expect(pod('crash').status.containerStatuses[0]).toMatchObject({ restartCount: 1, state: { waiting: { reason: 'CrashLoopBackOff' } } });
    expect(pod('cfg').status.containerStatuses[0].state.waiting).toMatchObject({ reason: 'CreateContainerConfigError', message: 'configmap "missing" not found' });
  });

  it('leaves pods that fit nowhere Pending with PodScheduled=False and FailedScheduling', async () => {
    create('huge', { containers: [{ name: 'main', image: 'nginx', resources: { requests: { cpu: '64' } } }] });
    create('picky', { nodeSelector: { disk: 'ssd' }, containers: [{ name: 'main', image: 'nginx' }] });
    await step(0);
    expect(pod('huge').status.conditions[0]).toMatchObject({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: expect.stringContaining('0/3 nodes are available: 3 Insufficient cpu.') });
    expect(pod('picky').status.conditions[0].message).toContain("3 node(s) didn't match Pod's node affinity/selector");
    expect(events('huge')).toEqual(['FailedScheduling']);
    const node = core.store.get('/nodes', '', 'sandbox-node-2')!;
    core.api.update(core.registry.forKind('', 'Node')!, '', 'sandbox-node-2', { ...node, metadata: { ...node.metadata, labels: { ...node.metadata.labels, disk: 'ssd' } } }, {});
    await step(0);
    expect(pod('picky').spec.nodeName).toBe('sandbox-node-2');
  });

  it('avoids nodes with untolerated PreferNoSchedule taints and keeps cordoned (tainted) nodes empty', async () => {
    const nodeDef = core.registry.forKind('', 'Node')!;
    const taint = (name: string, spec: Json) => {
      const node = core.store.get('/nodes', '', name)!;
      core.api.update(nodeDef, '', name, { ...node, spec: { ...node.spec, ...spec } }, {});
    };
    taint('sandbox-node-1', { taints: [{ key: 'spot', value: 'yes', effect: 'PreferNoSchedule' }] });
    taint('sandbox-node-2', { unschedulable: true });
    expect(core.store.get('/nodes', '', 'sandbox-node-2')!.spec.taints).toEqual([expect.objectContaining({ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' })]);
    for (const n of ['p1', 'p2', 'p3']) create(n, { containers: [{ name: 'c', image: 'nginx' }] });
    create('tolerant', { containers: [{ name: 'c', image: 'nginx' }], tolerations: [{ key: 'spot', operator: 'Exists' }], nodeSelector: { 'kubernetes.io/hostname': 'sandbox-node-1' } });
    await step(0);
    expect(['p1', 'p2', 'p3'].map((n) => pod(n).spec.nodeName)).toEqual(['sandbox-node-3', 'sandbox-node-3', 'sandbox-node-3']);
    expect(pod('tolerant').spec.nodeName).toBe('sandbox-node-1');
  });

  it('evicts pods from a node with a NoExecute taint they do not tolerate, after tolerationSeconds when given', async () => {
    const pinned = (name: string, tolerations: Json[] = []) =>
      create(name, { containers: [{ name: 'c', image: 'nginx' }], tolerations, nodeSelector: { 'kubernetes.io/hostname': 'sandbox-node-3' } });
    pinned('plain');
    pinned('brief', [{ key: 'maintenance', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 }]);
    pinned('steady', [{ key: 'maintenance', operator: 'Exists', effect: 'NoExecute' }]);
    await step(500);
    const node = core.store.get('/nodes', '', 'sandbox-node-3')!;
    core.api.update(core.registry.forKind('', 'Node')!, '', 'sandbox-node-3', { ...node, spec: { ...node.spec, taints: [{ key: 'maintenance', effect: 'NoExecute' }] } }, {});
    await step(0);
    const alive = () => ['plain', 'brief', 'steady'].filter((n) => core.store.get('/pods', 'default', n));
    expect(alive()).toEqual(['brief', 'steady']);
    expect(core.store.list('/events', 'default').some((e) => e.reason === 'TaintManagerEviction' && e.involvedObject.name === 'plain')).toBe(true);
    await step(29_000);
    expect(alive()).toEqual(['brief', 'steady']);
    await step(1_000);
    expect(alive()).toEqual(['steady']);
  });
});
