import { jsonPath, parsePath } from './json-path.js';

const pod = {
  metadata: { name: 'web', labels: { 'app.kubernetes.io/name': 'web', tier: 'front' } },
  spec: {
    replicas: 0,
    containers: [
      { name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }] },
      { name: 'side', image: 'busybox', ports: [{ containerPort: 9000 }] },
    ],
  },
};

describe('jsonPath', () => {
  it.each([
    ['spec.replicas', [0]],
    ['$.spec.containers[0].image', ['nginx:1.27']],
    ['{.spec.containers[-1].name}', ['side']],
    ['spec.containers[*].image', ['nginx:1.27', 'busybox']],
    ["spec.containers[?(@.name=='side')].ports[0].containerPort", [9000]],
    ['spec.containers[?(@.name=="nope")].image', []],
    ["metadata.labels['app.kubernetes.io/name']", ['web']],
    ['metadata.labels.*', ['web', 'front']],
    ['spec.missing.deeper', []],
    ['spec.containers[5]', []],
  ])('%s', (expr, expected) => {
    expect(jsonPath(pod, expr)).toEqual(expected);
  });

  it('filters on nested keys and numbers', () => {
    expect(jsonPath(pod, 'spec.containers[?(@.ports.0.containerPort==80)].name')).toEqual(['web']);
    expect(jsonPath({ a: [{ b: { c: 2 } }, { b: { c: 3 } }] }, 'a[?(@.b.c==3)].b.c')).toEqual([3]);
  });

  it('rejects what it does not support, naming the position', () => {
    expect(() => parsePath('spec.containers[?(@.x > 1)]')).toThrow(/unsupported/);
    expect(() => parsePath('spec[0')).toThrow(/unclosed/);
  });
});
