import { newApprovedQuestions, newCourse } from '../support/factories.js';
import { createTestApp, demoEmail, type TestApp } from '../support/test-app.js';

/**
 * With one database connection, any query a transaction makes outside its own connection
 * waits forever: this suite would hang (and time out) on such a bug. Under load the same
 * bug exhausts the pool and stalls every request (found by the 500-candidate bench).
 */
describe('transactions never take a second connection (pool of 1)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ DATABASE_POOL_SIZE: '1', JOBS_ENABLED: 'false', SANDBOX_ENABLED: 'false' });
  });
  afterAll(() => t.close());

  it('logs in, refreshes, accepts an invitation, publishes, starts and submits', async () => {
    const pair = (await t.http.post('/v1/auth/login').send({ email: demoEmail('owner'), password: t.password('owner') }).expect(200)).body;
    await t.http.post('/v1/auth/refresh').send({ refreshToken: pair.refreshToken }).expect(200);
    const invitation = await t.http.post(`/v1/organizations/${t.organizationId}/invitations`).set('authorization', `Bearer ${pair.accessToken}`).send({ email: 'new@x.example', roles: ['author'] }).expect(201);
    await t.http.post('/v1/invitations/accept').send({ token: invitation.body.token, displayName: 'New', password: 'a-long-password' }).expect(200);

    const author = `Bearer ${await t.login('author')}`;
    const examiner = `Bearer ${await t.login('examiner')}`;
    const candidate = `Bearer ${await t.login('candidate')}`;
    const courseId = await newCourse(t, author, ['1']);
    await newApprovedQuestions(t, author, courseId, { '1': 2 });
    const exam = await t.http.post('/v1/exams').set('authorization', examiner).send({ courseId, title: 'One connection', language: 'en', sections: [{ sectionKey: '1', count: 2 }] }).expect(201);
    await t.http.post(`/v1/exams/${exam.body.id}/publish`).set('authorization', examiner).expect(200);
    const candidateId = (await t.http.get('/v1/me').set('authorization', candidate)).body.userId;
    await t.http.post(`/v1/exams/${exam.body.id}/enrollments`).set('authorization', examiner).send({ userIds: [candidateId] }).expect(200);
    const attempt = (await t.http.post(`/v1/exams/${exam.body.id}/attempts`).set('authorization', candidate).set('idempotency-key', 'one-connection-1').expect(201)).body;
    await t.http.put(`/v1/attempts/${attempt.id}/answers/1`).set('authorization', candidate).send({ response: { type: 'single-choice', choice: 'a' }, version: 0 }).expect(200);
    const result = await t.http.post(`/v1/attempts/${attempt.id}/submit`).set('authorization', candidate).expect(200);
    expect(result.body.points).toBe(1);
  }, 30000);
});
