import { ClientNodeClusterAdapter } from '../../src/cluster/index.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const task = {
  id: 'config-map-basics',
  title: { zh: '创建 ConfigMap', en: 'Create a ConfigMap' },
  instructions: { zh: '创建名为 app 的 ConfigMap，键 mode 的值为 prod。', en: 'Create a ConfigMap named app whose key mode is prod.' },
  sections: ['2.5'],
  timeLimitMinutes: 5,
  setup: [],
  solution: { manifests: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app' }, data: { mode: 'prod' } }] },
  wrongSolution: { manifests: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app' }, data: { mode: 'dev' } }], expectFailed: ['mode'] },
  checks: [
    {
      id: 'exists',
      title: { zh: 'ConfigMap app 存在', en: 'ConfigMap app exists' },
      weight: 1,
      hint: { zh: '用 kubectl create configmap。', en: 'Use kubectl create configmap.' },
      section: '2.5',
      target: { apiVersion: 'v1', kind: 'ConfigMap', name: 'app' },
      assert: { exists: true },
    },
    {
      id: 'mode',
      title: { zh: 'mode 为 prod', en: 'mode is prod' },
      weight: 2,
      hint: { zh: '检查键 mode 的值。', en: 'Check the value of the key mode.' },
      section: '2.5',
      target: { apiVersion: 'v1', kind: 'ConfigMap', name: 'app' },
      assert: { field: { path: 'data.mode', equals: 'prod' } },
    },
  ],
};

describe('lab tasks written by authors', () => {
  let t: TestApp;
  let author: string;

  beforeAll(async () => {
    t = await createTestApp();
    author = `Bearer ${await t.login('author')}`;
  });
  afterAll(() => t.close());

  it('validates a new task against the schema, stores it for the organisation, and runs it', async () => {
    const bad = await t.http.post('/v1/labs').set('authorization', author).send({ ...task, checks: [{ ...task.checks[0], weight: 'heavy' }] }).expect(422);
    expect(bad.body.errors[0].path).toContain('/checks/0');
    await t.http.post('/v1/labs').set('authorization', author).send({ ...task, id: 'deployment-basics' }).expect(409);
    await t.http.post('/v1/labs').set('authorization', `Bearer ${await t.login('candidate')}`).send(task).expect(403);
    await t.http.post('/v1/labs').set('authorization', author).send(task).expect(201);
    await t.http.post('/v1/labs').set('authorization', author).send(task).expect(409);

    const candidate = `Bearer ${await t.login('candidate')}`;
    const listed = await t.http.get('/v1/labs?lang=zh').set('authorization', candidate).expect(200);
    expect(listed.body.map((l: { id: string }) => l.id)).toContain('config-map-basics');
    const session = await t.http.post('/v1/labs/config-map-basics/sessions?lang=en').set('authorization', candidate).expect(201);
    await new ClientNodeClusterAdapter(session.body.kubeconfig).apply(session.body.namespace, task.wrongSolution.manifests);
    const wrong = await t.http.post(`/v1/labs/config-map-basics/sessions/${session.body.id}/validate?lang=en`).set('authorization', candidate).expect(200);
    expect(wrong.body).toMatchObject({ score: 1, maxScore: 3 });
    expect(wrong.body.checks.find((c: { id: string }) => c.id === 'mode')).toMatchObject({ passed: false, hint: 'Check the value of the key mode.' });
    await new ClientNodeClusterAdapter(session.body.kubeconfig).apply(session.body.namespace, task.solution.manifests);
    const right = await t.http.post(`/v1/labs/config-map-basics/sessions/${session.body.id}/validate`).set('authorization', candidate).expect(200);
    expect(right.body.percentage).toBe(100);
    await t.http.delete(`/v1/labs/config-map-basics/sessions/${session.body.id}`).set('authorization', candidate).expect(204);
  });

  it('replaces and deletes, and keeps the task invisible to other organisations', async () => {
    await t.http.put('/v1/labs/config-map-basics').set('authorization', author).send({ ...task, timeLimitMinutes: 7 }).expect(200);
    await t.http.put('/v1/labs/config-map-basics').set('authorization', author).send({ ...task, id: 'other' }).expect(422);
    const admin = `Bearer ${await t.login('admin')}`;
    const rival = await t.http.post('/v1/organizations').set('authorization', admin).send({ slug: 'rival-labs', name: 'Rival' }).expect(201);
    const invitation = await t.http.post(`/v1/organizations/${rival.body.id}/invitations`).set('authorization', admin).send({ email: 'a@rival-labs.example', roles: ['author'] }).expect(201);
    await t.http.post('/v1/invitations/accept').send({ token: invitation.body.token, displayName: 'R', password: 'rival-labs-pass' }).expect(200);
    const outsider = `Bearer ${(await t.http.post('/v1/auth/login').send({ email: 'a@rival-labs.example', password: 'rival-labs-pass' })).body.accessToken}`;
    await t.http.get('/v1/labs/config-map-basics').set('authorization', outsider).expect(404);
    await t.http.delete('/v1/labs/config-map-basics').set('authorization', outsider).expect(404);
    await t.http.delete('/v1/labs/config-map-basics').set('authorization', author).expect(204);
    await t.http.get('/v1/labs/config-map-basics').set('authorization', author).expect(404);
  });
});
