import type { ClusterObject, ClusterReader, ListQuery, ObjectRef } from '../../cluster/cluster-adapter.js';
import { ClusterUnavailableError } from '../../cluster/cluster-errors.js';
import { validateTask } from './check-engine.js';
import type { Assertion, CheckDefinition, CheckTarget, TaskDefinition } from './task-types.js';

/** A reader over a fixed set of objects; label selectors of the form a=b,c=d. */
function fakeReader(objects: ClusterObject[], fail?: (kind: string) => Error | undefined): ClusterReader & { calls: number } {
  const reader = {
    calls: 0,
    async get(_ns: string, ref: ObjectRef) {
      reader.calls += 1;
      const err = fail?.(ref.kind);
      if (err) throw err;
      return objects.find((o) => o.kind === ref.kind && o.metadata?.name === ref.name) ?? null;
    },
    async list(_ns: string, q: ListQuery) {
      reader.calls += 1;
      const err = fail?.(q.kind);
      if (err) throw err;
      const wanted = (q.labelSelector ?? '').split(',').filter(Boolean).map((p) => p.split('='));
      return objects.filter((o) => o.kind === q.kind && wanted.every(([k, v]) => o.metadata?.labels?.[k] === v));
    },
  };
  return reader;
}

const L = { zh: '中', en: 'en' };
let n = 0;
function check(target: CheckTarget, assert: Assertion, weight = 1): CheckDefinition {
  n += 1;
  return { id: `c${n}`, title: L, weight, hint: { zh: `提示${n}`, en: `hint ${n}` }, section: '5.3', target, assert };
}
function task(checks: CheckDefinition[]): TaskDefinition {
  return { id: 't', title: L, instructions: L, sections: ['5'], timeLimitMinutes: 5, setup: [], solution: { manifests: [] }, wrongSolution: { manifests: [], expectFailed: [checks[0].id] }, checks };
}

const deploy: CheckTarget = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' };
const pod = (name: string, ready: boolean, labels = { app: 'web' }): ClusterObject => ({
  kind: 'Pod',
  metadata: { name, labels },
  status: { phase: ready ? 'Running' : 'Pending', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
});
const web: ClusterObject = {
  kind: 'Deployment',
  metadata: { name: 'web', uid: 'u1', generation: 2, labels: { app: 'web' } },
  spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } },
  status: { observedGeneration: 2, replicas: 3, updatedReplicas: 3, readyReplicas: 1, availableReplicas: 1 },
};

describe('validateTask', () => {
  it('scores in task order and says what it found', async () => {
    const reader = fakeReader([web, pod('a', true), pod('b', false), pod('c', false)]);
    const r = await validateTask(
      task([
        check(deploy, { field: { path: 'spec.replicas', equals: 3 } }, 2),
        check(deploy, { podsReady: { min: 3 } }, 3),
        check(deploy, { deploymentRolledOut: { image: '^nginx:1\\.27$' } }, 1),
        check({ apiVersion: 'v1', kind: 'Pod', labelSelector: 'app=web' }, { count: { op: '>=', value: 3 } }, 1),
      ]),
      'ns',
      reader,
    );
    expect(r.checks.map((c) => [c.passed, c.message.en])).toEqual([
      [true, 'Deployment/web has spec.replicas = 3'],
      [false, 'expected 3 ready pods, found 1 ready of 3'],
      [false, 'Deployment/web: desired 3, updated 3, ready 1, available 1, total 3'],
      [true, 'expected >= 3 of Pod (app=web), found 3'],
    ]);
    expect(r.checks[1].message.zh).toBe('期望至少 3 个就绪的 Pod，实际 1 个就绪（共 3 个）');
    expect([r.score, r.maxScore, r.percentage]).toEqual([3, 7, 42.9]);
    expect(r.checks[0].hint).toBeNull();
    expect(r.checks[1].hint?.en).toMatch(/^hint/);
    // One read of the Deployment for three checks, one list of its pods for two.
    expect(reader.calls).toBe(2);
  });

  it('never throws on odd objects and reports missing ones', async () => {
    const odd: ClusterObject = { kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 'three', template: 7, selector: null }, status: 'broken' };
    const r = await validateTask(
      task([
        check(deploy, { field: { path: "spec.template.spec.containers[?(@.name=='web')].image", equals: 'x' } }),
        check(deploy, { deploymentRolledOut: {} }),
        check(deploy, { podsReady: {} }),
        check(deploy, { rolloutHistory: { min: 2 } }),
        check(deploy, { field: { path: 'spec.replicas', gte: 2 } }),
        check({ apiVersion: 'v1', kind: 'Service', name: 'none' }, { serviceSelects: { minReady: 1 } }),
        check({ apiVersion: 'batch/v1', kind: 'CronJob', name: 'none' }, { cronSchedule: {} }),
        check({ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'none' }, { statefulSetOrdered: {} }),
      ]),
      'ns',
      fakeReader([odd]),
    );
    expect(r.checks.every((c) => !c.passed)).toBe(true);
    expect(r.checks[0].message.en).toBe("Deployment/web has no spec.template.spec.containers[?(@.name=='web')].image (expected equal to \"x\")");
    expect(r.checks[4].message.en).toBe('Deployment/web has spec.replicas = "three", expected ≥ 2');
    expect(r.checks[5].message.en).toBe('Service/none not found');
  });

  it('fails a check whose read breaks, but rethrows an unreachable cluster', async () => {
    const broken = fakeReader([web], (kind) => (kind === 'Ingress' ? new Error('the server does not serve Ingress in v9') : undefined));
    const r = await validateTask(task([check({ apiVersion: 'v9', kind: 'Ingress', name: 'x' }, { exists: true }), check(deploy, { exists: true })]), 'ns', broken);
    expect(r.checks.map((c) => [c.passed, c.message.en])).toEqual([
      [false, 'could not check: the server does not serve Ingress in v9'],
      [true, 'found Deployment/web (1)'],
    ]);
    const down = fakeReader([], () => new ClusterUnavailableError('cluster unreachable: ECONNREFUSED'));
    await expect(validateTask(task([check(deploy, { exists: true })]), 'ns', down)).rejects.toBeInstanceOf(ClusterUnavailableError);
  });

  it('never echoes secret values', async () => {
    const secret: ClusterObject = { kind: 'Secret', metadata: { name: 's' }, data: { token: Buffer.from('hunter2').toString('base64'), empty: '' } };
    const target = { apiVersion: 'v1', kind: 'Secret', name: 's' };
    const r = await validateTask(
      task([
        check(target, { secretHasKey: { key: 'password' } }),
        check(target, { secretHasKey: { key: 'empty' } }),
        check(target, { field: { path: 'data.token', equals: 'nope' } }),
        check(target, { secretHasKey: { key: 'token' } }),
      ]),
      'ns',
      fakeReader([secret]),
    );
    expect(r.checks.map((c) => c.passed)).toEqual([false, false, false, true]);
    expect(r.checks[0].message.en).toBe('Secret/s has no key password (keys: empty, token)');
    const all = JSON.stringify(r.checks.map((c) => c.message));
    expect(all).not.toContain(Buffer.from('hunter2').toString('base64'));
    expect(all).not.toContain('hunter2');
    expect(r.checks[2].message.en).toBe('Secret/s has data.token = ***, expected equal to "nope"');
  });

  it('evaluates all / any, quantities, labels, endpoints, ingress routes, env sources and schedules', async () => {
    const svc: ClusterObject = { kind: 'Service', metadata: { name: 'api' }, spec: { selector: { app: 'api' }, ports: [{ name: 'http', port: 80 }, { name: 'metrics', port: 9090 }] } };
    const ep: ClusterObject = {
      kind: 'Endpoints',
      metadata: { name: 'api' },
      subsets: [{ addresses: [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }], notReadyAddresses: [{ ip: '10.0.0.3' }], ports: [{ name: 'http', port: 8080 }] }],
    };
    const ing: ClusterObject = {
      kind: 'Ingress',
      metadata: { name: 'shop' },
      spec: { rules: [{ host: 'shop.example.com', http: { paths: [{ path: '/api/', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] },
    };
    const app: ClusterObject = {
      kind: 'Pod',
      metadata: { name: 'app', labels: { env: 'Bad Value' } },
      spec: { containers: [{ name: 'c', envFrom: [{ configMapRef: { name: 'cfg' } }], env: [{ name: 'PASS', value: 'x' }] }] },
    };
    const cj: ClusterObject = { kind: 'CronJob', metadata: { name: 'cj' }, spec: { schedule: '*/15  * * *' } };
    const quota: ClusterObject = { kind: 'ResourceQuota', metadata: { name: 'q' }, spec: { hard: { 'requests.memory': '1024Mi' } } };
    const S = { apiVersion: 'v1', kind: 'Service', name: 'api' };
    const P = { apiVersion: 'v1', kind: 'Pod', name: 'app' };
    const r = await validateTask(
      task([
        check(S, { serviceSelects: { minReady: 2, port: 80 } }),
        check(S, { serviceSelects: { minReady: 1, port: 9090 } }),
        check(S, { serviceSelects: { minReady: 1, port: 443 } }),
        check({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', name: 'shop' }, { ingressRoutes: { host: 'shop.example.com', path: '/api', service: 'api', port: 8080 } }),
        check(P, { envFrom: { configMap: 'cfg', key: 'LEVEL' } }),
        check(P, { envFrom: { secret: 'creds', key: 'PASS', env: 'PASS' } }),
        check(P, { labelValid: { key: 'env' } }),
        check({ apiVersion: 'batch/v1', kind: 'CronJob', name: 'cj' }, { cronSchedule: {} }),
        check({ apiVersion: 'v1', kind: 'ResourceQuota', name: 'q' }, { field: { path: "spec.hard['requests.memory']", equals: '1Gi', quantity: true } }),
        check(S, { any: [{ field: { path: 'spec.type', equals: 'NodePort' } }, { field: { path: 'spec.ports[*].port', lte: 9090 } }] }),
        check(S, { all: [{ exists: true }, { field: { path: 'spec.ports[1]', hasKey: 'nope' } }] }),
      ]),
      'ns',
      fakeReader([svc, ep, ing, app, cj, quota]),
    );
    expect(r.checks.map((c) => `${c.passed ? 'pass' : 'fail'}: ${c.message.en}`)).toEqual([
      'pass: expected 2 ready endpoints for Service/api on port 80, found 2 (1 not ready)',
      'fail: expected 1 ready endpoints for Service/api on port 9090, found 0 (0 not ready)',
      'fail: Service/api exposes no port 443',
      'fail: shop.example.com/api routes to web:80, expected api:8080',
      'pass: Pod/app takes its environment from ConfigMap/cfg key LEVEL',
      'fail: Pod/app: no container takes its environment from Secret/creds key PASS; PASS is set to a literal value',
      'fail: Pod/app has label env="Bad Value", not accepted',
      'fail: schedule "*/15 * * *" is not a valid cron expression',
      "pass: ResourceQuota/q has spec.hard['requests.memory'] = \"1024Mi\"",
      'pass: Service/api has spec.ports[*].port = 80',
      'fail: Service/api has spec.ports[1] = {"name":"metrics","port":9090}, expected with key "nope"',
    ]);
  });
});
