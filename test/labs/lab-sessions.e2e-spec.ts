import { AttemptSubmission } from '../../src/attempts/attempt-submission.js';
import { AttemptLabScorer } from '../../src/labs/attempt-lab-scorer.js';
import { ClientNodeClusterAdapter } from '../../src/cluster/index.js';
import { LabSessionsService } from '../../src/labs/lab-sessions.service.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('lab sessions on the embedded sandbox cluster', () => {
  let t: TestApp;
  let candidate: string;
  let taskId: string;

  beforeAll(async () => {
    t = await createTestApp({ LAB_MAX_SESSIONS_PER_CANDIDATE: '2' });
    candidate = `Bearer ${await t.login('candidate')}`;
    const tasks = await t.http.get('/v1/labs?lang=en').set('authorization', candidate).expect(200);
    expect(tasks.body.length).toBeGreaterThan(0);
    taskId = tasks.body[0].id;
  });
  afterAll(() => t.close());

  it('plugs the lab scorer into exam grading', () => {
    expect((t.app.get(AttemptSubmission) as unknown as { labs?: unknown }).labs).toBeInstanceOf(AttemptLabScorer);
  });

  it('registers the embedded sandbox and reports it in readiness', async () => {
    const ready = await t.http.get('/health/ready').expect(200);
    expect(Object.keys(ready.body.checks)).toEqual(expect.arrayContaining(['database', 'cluster:embedded-sandbox']));
    const clusters = await t.http.get('/v1/clusters').set('authorization', `Bearer ${await t.login('admin')}`).expect(200);
    expect(clusters.body).toEqual([expect.objectContaining({ name: 'embedded-sandbox', embedded: true, enabled: true })]);
  });

  it('provisions a namespace with a kubeconfig limited to it, validates, and deletes it', async () => {
    const session = await t.http.post(`/v1/labs/${taskId}/sessions?lang=zh`).set('authorization', candidate).expect(201);
    expect(session.body).toMatchObject({ taskId, status: 'active', namespace: expect.stringMatching(/^lab-[0-9a-f]{10}$/) });
    expect(session.body.instructions.length).toBeGreaterThan(20);

    const own = new ClientNodeClusterAdapter(session.body.kubeconfig);
    await own.apply(session.body.namespace, [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'mine' }, data: { a: '1' } }]);
    expect(await own.get(session.body.namespace, { apiVersion: 'v1', kind: 'ConfigMap', name: 'mine' })).not.toBeNull();
    await expect(own.list('default', { apiVersion: 'v1', kind: 'Secret' })).rejects.toThrow();
    await expect(own.list('', { apiVersion: 'v1', kind: 'Node' })).rejects.toThrow();

    const validation = await t.http.post(`/v1/labs/${taskId}/sessions/${session.body.id}/validate?lang=en`).set('authorization', candidate).expect(200);
    expect(validation.body.maxScore).toBeGreaterThan(0);
    expect(validation.body.score).toBeLessThan(validation.body.maxScore);
    const failed = validation.body.checks.filter((c: { passed: boolean }) => !c.passed);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]).toMatchObject({ hint: expect.any(String), message: expect.any(String), section: expect.any(String) });

    // The session remembers its last validation (it was always null: found by a newcomer's walk-through).
    const read = await t.http.get(`/v1/labs/${taskId}/sessions/${session.body.id}?lang=en`).set('authorization', candidate).expect(200);
    expect(read.body.lastValidation).toEqual(validation.body);

    const other = `Bearer ${await t.login('author')}`;
    await t.http.get(`/v1/labs/${taskId}/sessions/${session.body.id}`).set('authorization', other).expect(404);
    await t.http.delete(`/v1/labs/${taskId}/sessions/${session.body.id}`).set('authorization', candidate).expect(204);
    const after = await t.http.get(`/v1/labs/${taskId}/sessions/${session.body.id}`).set('authorization', candidate).expect(200);
    expect(after.body.status).toBe('deleted');
    await t.http.post(`/v1/labs/${taskId}/sessions/${session.body.id}/validate`).set('authorization', candidate).expect(410);
  });

  it('limits concurrent sessions per candidate and cleans up expired ones', async () => {
    const first = await t.http.post(`/v1/labs/${taskId}/sessions`).set('authorization', candidate).expect(201);
    await t.http.post(`/v1/labs/${taskId}/sessions`).set('authorization', candidate).expect(201);
    const third = await t.http.post(`/v1/labs/${taskId}/sessions`).set('authorization', candidate).expect(409);
    expect(third.body.detail).toContain('active lab sessions');
    t.clock.advance(24 * 3600_000);
    expect(await t.app.get(LabSessionsService).cleanup()).toBe(2);
    const expired = await t.http.get(`/v1/labs/${taskId}/sessions/${first.body.id}`).set('authorization', `Bearer ${await t.login('candidate')}`).expect(200);
    expect(expired.body.status).toBe('expired');
  });

  it('answers unknown tasks with 404', async () => {
    candidate = `Bearer ${await t.login('candidate')}`;
    await t.http.post('/v1/labs/no-such-task/sessions').set('authorization', candidate).expect(404);
    await t.http.get('/v1/labs/Bad_Id').set('authorization', candidate).expect(404);
  });
});
