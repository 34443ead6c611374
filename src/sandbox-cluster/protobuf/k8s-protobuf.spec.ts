import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeKubernetesProtobuf, goDuration } from './k8s-protobuf.js';
import { ProtoDecodeError } from './proto-reader.js';

/**
 * The `.pb` fixtures are request bodies kubectl 1.35 sent for `create …` commands; each `.json`
 * beside it is the body kubectl 1.31 sent as JSON for the same command (or, where 1.31 chose
 * another version or failed, the reviewed decode). Decoding must give the same object.
 */
const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'kubectl-1.35');
const names = readdirSync(fixtures)
  .filter((f) => f.endsWith('.pb'))
  .map((f) => f.slice(0, -3));

describe('Kubernetes protobuf request bodies', () => {
  it('has fixtures for the kinds kubectl generators create', () => {
    expect(names).toEqual(expect.arrayContaining(['namespace', 'deployment', 'secret', 'service-nodeport', 'ingress', 'job', 'cronjob', 'resourcequota', 'horizontalpodautoscaler-v2', 'selfsubjectaccessreview', 'tokenrequest']));
  });

  it.each(names)('decodes kubectl 1.35 %s to what older kubectl sent as JSON', (name) => {
    const body = readFileSync(join(fixtures, `${name}.pb`));
    const expected = JSON.parse(readFileSync(join(fixtures, `${name}.json`), 'utf8'));
    expect(decodeKubernetesProtobuf(body)).toEqual(expected);
  });

  it('keeps int-or-string, quantities, base64 bytes and inline structs in their JSON form', () => {
    const decode = (name: string) => decodeKubernetesProtobuf(readFileSync(join(fixtures, `${name}.pb`)));
    expect(decode('service-nodeport').spec.ports[0]).toEqual({ name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080, nodePort: 30080 });
    expect(decode('resourcequota').spec.hard).toEqual({ pods: '5', 'requests.cpu': '1', 'requests.memory': '1Gi' });
    expect(decode('secret').data).toEqual({ password: Buffer.from('s3cret').toString('base64') });
    // IngressRuleValue is embedded in IngressRule: its `http` sits beside `host`.
    expect(decode('ingress').spec.rules[0]).toEqual({ host: 'shop.example.com', http: expect.any(Object) });
  });

  it('refuses bodies without the magic prefix, truncated bodies and unknown kinds', () => {
    const body = readFileSync(join(fixtures, 'deployment.pb'));
    expect(() => decodeKubernetesProtobuf(Buffer.from('{"kind":"Pod"}'))).toThrow(ProtoDecodeError);
    expect(() => decodeKubernetesProtobuf(body.subarray(0, body.length - 7))).toThrow(ProtoDecodeError);
    const unknownKind = Buffer.from(body);
    const at = unknownKind.indexOf('Deployment');
    unknownKind.write('Deploymenz', at);
    expect(() => decodeKubernetesProtobuf(unknownKind)).toThrow(/no kind "Deploymenz" is registered for version "apps\/v1"/);
  });

  it('formats durations as Go does', () => {
    expect([0n, 1_500n, 300_000_000n, 90_000_000_000n, 3_600_000_000_000n, 5_400_500_000_000n].map(goDuration)).toEqual(['0s', '1.5µs', '300ms', '1m30s', '1h0m0s', '1h30m0.5s']);
  });
});
