import { kindSchema } from '../openapi/definitions.js';
import type { SandboxClusterHandle } from '../index.js';
import { call, createNamespace, deploymentManifest, startTestCluster } from '../testing/test-support.js';
import { applyJsonPatch } from './json-patch.js';
import { applyMergePatch } from './merge-patch.js';
import { applyStrategicMergePatch } from './strategic-merge.js';

const podSpec = kindSchema('io.k8s.api.core.v1.PodSpec');

describe('patch algorithms', () => {
  it('applies JSON merge patches (RFC 7386)', () => {
    expect(applyMergePatch({ a: 1, b: { c: 2, d: 3 }, l: [1, 2] }, { b: { c: null, e: 4 }, l: [3] })).toEqual({ a: 1, b: { d: 3, e: 4 }, l: [3] });
  });

  it('applies JSON patches (RFC 6902) and reports failing operations', () => {
    const doc = { spec: { containers: [{ name: 'a' }, { name: 'b' }] }, metadata: { labels: { 'x/y': '1' } } };
    const out = applyJsonPatch(doc, [
      { op: 'add', path: '/spec/containers/-', value: { name: 'c' } },
      { op: 'remove', path: '/spec/containers/0' },
      { op: 'replace', path: '/metadata/labels/x~1y', value: '2' },
      { op: 'copy', from: '/metadata/labels', path: '/metadata/annotations' },
      { op: 'test', path: '/spec/containers/0/name', value: 'b' },
    ]);
    expect(out).toEqual({ spec: { containers: [{ name: 'b' }, { name: 'c' }] }, metadata: { labels: { 'x/y': '2' }, annotations: { 'x/y': '2' } } });
    expect(doc.spec.containers).toHaveLength(2);
    expect(() => applyJsonPatch(doc, [{ op: 'remove', path: '/spec/nothing' }])).toThrow(/remove operation does not apply/);
    expect(() => applyJsonPatch(doc, [{ op: 'test', path: '/spec/containers/0/name', value: 'z' }])).toThrow(/test failed/);
  });

  it('merges lists by their merge keys in strategic merge patches', () => {
    const original = {
      containers: [
        { name: 'app', image: 'a:1', env: [{ name: 'X', value: '1' }], ports: [{ containerPort: 80 }] },
        { name: 'side', image: 's:1' },
      ],
      volumes: [{ name: 'v', emptyDir: {} }],
      tolerations: [{ key: 'a' }],
    };
    const patched = applyStrategicMergePatch(
      original,
      {
        containers: [{ name: 'app', image: 'a:2', env: [{ name: 'Y', value: '2' }], ports: [{ containerPort: 443 }] }, { name: 'new', image: 'n:1' }],
        tolerations: [{ key: 'b' }],
      },
      podSpec,
    );
    expect(patched.containers).toEqual([
      { name: 'app', image: 'a:2', env: [{ name: 'X', value: '1' }, { name: 'Y', value: '2' }], ports: [{ containerPort: 80 }, { containerPort: 443 }] },
      { name: 'side', image: 's:1' },
      { name: 'new', image: 'n:1' },
    ]);
    expect(patched.tolerations).toEqual([{ key: 'b' }]);
    expect(patched.volumes).toEqual([{ name: 'v', emptyDir: {} }]);
  });

  it('honours $patch, $setElementOrder, $retainKeys and $deleteFromPrimitiveList directives', () => {
    const original = { containers: [{ name: 'a', image: '1' }, { name: 'b', image: '2' }], volumes: [{ name: 'v', emptyDir: {} }] };
    const deleted = applyStrategicMergePatch(original, { containers: [{ name: 'a', $patch: 'delete' }] }, podSpec);
    expect(deleted.containers).toEqual([{ name: 'b', image: '2' }]);
    const replaced = applyStrategicMergePatch(original, { containers: [{ name: 'z', image: '9' }, { $patch: 'replace' }] }, podSpec);
    expect(replaced.containers).toEqual([{ name: 'z', image: '9' }]);
    const ordered = applyStrategicMergePatch(original, { '$setElementOrder/containers': [{ name: 'b' }, { name: 'a' }], containers: [{ name: 'a', image: '3' }] }, podSpec);
    expect(ordered.containers.map((c: { name: string; image: string }) => `${c.name}:${c.image}`)).toEqual(['b:2', 'a:3']);
    const strategy = applyStrategicMergePatch(
      { spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } } },
      { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } },
      kindSchema('io.k8s.api.apps.v1.Deployment'),
    );
    expect(strategy.spec.strategy).toEqual({ type: 'Recreate' });
    const fin = applyStrategicMergePatch(
      { metadata: { finalizers: ['a', 'b'] } },
      { metadata: { '$deleteFromPrimitiveList/finalizers': ['a'], finalizers: ['c'] } },
      kindSchema('io.k8s.api.core.v1.ConfigMap'),
    );
    expect(fin.metadata.finalizers).toEqual(['b', 'c']);
  });
});

describe('sandbox cluster: PATCH and server-side apply over HTTP', () => {
  let cluster: SandboxClusterHandle;
  const path = '/apis/apps/v1/namespaces/p/deployments/web';
  beforeAll(async () => {
    cluster = await startTestCluster({ core: { simulation: false } }) // the API server alone: no controller writes status;
    await createNamespace(cluster, 'p');
    await call(cluster, '/apis/apps/v1/namespaces/p/deployments', { method: 'POST', body: deploymentManifest('web', 'p') });
  });
  afterAll(() => cluster.close());

  it('accepts strategic merge, merge and JSON patches', async () => {
    const smp = await call(cluster, path, {
      method: 'PATCH',
      contentType: 'application/strategic-merge-patch+json',
      body: { spec: { template: { spec: { containers: [{ name: 'sidecar', image: 'busybox' }] } } } },
    });
    expect(smp.status).toBe(200);
    expect(smp.json.spec.template.spec.containers.map((c: { name: string }) => c.name)).toEqual(['main', 'sidecar']);
    expect(smp.json.spec.template.spec.containers[1].imagePullPolicy).toBe('Always');
    const merge = await call(cluster, path, { method: 'PATCH', contentType: 'application/merge-patch+json', body: { spec: { replicas: 3 } } });
    expect(merge.json.spec.replicas).toBe(3);
    expect(merge.json.metadata.generation).toBe(3);
    const json = await call(cluster, path, {
      method: 'PATCH',
      contentType: 'application/json-patch+json',
      body: [{ op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'nginx:1.27' }],
    });
    expect(json.json.spec.template.spec.containers[0].image).toBe('nginx:1.27');
    const stale = await call(cluster, path, { method: 'PATCH', contentType: 'application/merge-patch+json', body: { metadata: { resourceVersion: '2' }, spec: { replicas: 1 } } });
    expect(stale.status).toBe(409);
    const bad = await call(cluster, path, { method: 'PATCH', contentType: 'application/json-patch+json', body: [{ op: 'remove', path: '/spec/nope' }] });
    expect(bad.status).toBe(422);
    const unsupported = await call(cluster, path, { method: 'PATCH', contentType: 'text/plain', rawBody: 'x' });
    expect(unsupported.status).toBe(415);
  });

  it('creates and updates with server-side apply, tracking managers and conflicts', async () => {
    const config = (replicas: number, extraLabel?: string) =>
      [
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata:',
        '  name: applied',
        '  labels:',
        '    owner: ssa',
        ...(extraLabel ? [`    ${extraLabel}: "yes"`] : []),
        'data:',
        `  replicas: "${replicas}"`,
      ].join('\n');
    const url = '/api/v1/namespaces/p/configmaps/applied?fieldManager=tool-a';
    const created = await call(cluster, url, { method: 'PATCH', contentType: 'application/apply-patch+yaml', rawBody: config(1, 'extra') });
    expect(created.status).toBe(201);
    expect(created.json.metadata.managedFields).toEqual([expect.objectContaining({ manager: 'tool-a', operation: 'Apply' })]);
    const updated = await call(cluster, url, { method: 'PATCH', contentType: 'application/apply-patch+yaml', rawBody: config(2) });
    expect(updated.status).toBe(200);
    expect(updated.json.data).toEqual({ replicas: '2' });
    expect(updated.json.metadata.labels).toEqual({ owner: 'ssa' });
    const conflict = await call(cluster, '/api/v1/namespaces/p/configmaps/applied?fieldManager=tool-b', {
      method: 'PATCH',
      contentType: 'application/apply-patch+yaml',
      rawBody: config(3),
    });
    expect(conflict.status).toBe(409);
    expect(conflict.json.message).toBe('Apply failed with 1 conflict: conflict with "tool-a" using v1: .data.replicas');
    const forced = await call(cluster, '/api/v1/namespaces/p/configmaps/applied?fieldManager=tool-b&force=true', {
      method: 'PATCH',
      contentType: 'application/apply-patch+yaml',
      rawBody: config(3),
    });
    expect(forced.json.data.replicas).toBe('3');
    const noManager = await call(cluster, '/api/v1/namespaces/p/configmaps/applied', { method: 'PATCH', contentType: 'application/apply-patch+yaml', rawBody: config(4) });
    expect(noManager.status).toBe(400);
  });

  it('patches the status subresource without touching spec', async () => {
    const res = await call(cluster, `${path}/status`, {
      method: 'PATCH',
      contentType: 'application/merge-patch+json',
      body: { spec: { replicas: 9 }, status: { replicas: 3, readyReplicas: 2 } },
    });
    expect(res.status).toBe(200);
    expect(res.json.status).toMatchObject({ replicas: 3, readyReplicas: 2 });
    expect(res.json.spec.replicas).toBe(3);
    const mainPatch = await call(cluster, path, { method: 'PATCH', contentType: 'application/merge-patch+json', body: { status: { replicas: 0 } } });
    expect(mainPatch.json.status.replicas).toBe(3);
  });
});
