import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SandboxClusterHandle } from '../index.js';
import { call, createNamespace, startTestCluster } from '../testing/test-support.js';

// Request bodies kubectl 1.35 sent (namespace "fx"); see protobuf/k8s-protobuf.spec.ts.
const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'protobuf', 'fixtures', 'kubectl-1.35');
const fixture = (name: string) => readFileSync(join(fixtures, `${name}.pb`));
const PROTOBUF = 'application/vnd.kubernetes.protobuf';

describe('sandbox cluster: protobuf and CBOR request bodies', () => {
  let cluster: SandboxClusterHandle;
  beforeAll(async () => {
    cluster = await startTestCluster({ core: { simulation: false } });
    await createNamespace(cluster, 'fx');
  });
  afterAll(() => cluster.close());

  it('creates from a protobuf body and answers JSON to a client that accepts both', async () => {
    const res = await call(cluster, '/apis/apps/v1/namespaces/fx/deployments', { method: 'POST', rawBody: fixture('deployment'), contentType: PROTOBUF, accept: `${PROTOBUF},application/json` });
    expect(res.status).toBe(201);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.json).toMatchObject({ kind: 'Deployment', metadata: { name: 'web', namespace: 'fx' }, spec: { replicas: 3, template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80, protocol: 'TCP' }] }] } } } });
    const stored = await call(cluster, '/apis/apps/v1/namespaces/fx/deployments/web');
    expect(stored.json.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } });
  });

  it('answers a self-subject access review sent as protobuf', async () => {
    const res = await call(cluster, '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', { method: 'POST', rawBody: fixture('selfsubjectaccessreview'), contentType: PROTOBUF });
    expect(res.status).toBe(201);
    expect(res.json.status).toMatchObject({ allowed: true });
  });

  it('refuses a malformed protobuf body with 400, not a 500', async () => {
    const body = fixture('configmap');
    const res = await call(cluster, '/api/v1/namespaces/fx/configmaps', { method: 'POST', rawBody: body.subarray(0, body.length - 5), contentType: PROTOBUF });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ kind: 'Status', reason: 'BadRequest' });
    expect(res.json.message).toMatch(/^error decoding request body: /);
    const json = await call(cluster, '/api/v1/namespaces/fx/configmaps', { method: 'POST', rawBody: '{"kind":"ConfigMap"}', contentType: PROTOBUF });
    expect(json.status).toBe(400);
    expect(json.json.message).toContain('does not appear to be a protobuf message');
  });

  it('answers CBOR with 415 so that a CBOR-preferring client falls back to JSON', async () => {
    const res = await call(cluster, '/api/v1/namespaces/fx/configmaps', { method: 'POST', rawBody: Buffer.from([0xd9, 0xd9, 0xf7, 0xa0]), contentType: 'application/cbor' });
    expect(res.status).toBe(415);
    expect(res.json).toMatchObject({ kind: 'Status', reason: 'UnsupportedMediaType', code: 415 });
  });
});
