import { newApprovedQuestions, newCourse } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { receiver, until, verifyStandard } from './webhook-receiver.js';

describe('webhooks', () => {
  let t: TestApp;
  let owner: string;
  let examId: string;
  let candidate: string;
  let candidateId: string;

  beforeAll(async () => {
    t = await createTestApp({ WEBHOOK_ALLOW_PRIVATE_URLS: 'true', WEBHOOK_RETRY_BASE_SECONDS: '0.05', JOBS_POLL_SECONDS: '0.5' });
    owner = `Bearer ${await t.login('owner')}`;
    const author = `Bearer ${await t.login('author')}`;
    const examiner = `Bearer ${await t.login('examiner')}`;
    candidate = `Bearer ${await t.login('candidate')}`;
    candidateId = (await t.http.get('/v1/me').set('authorization', candidate)).body.userId;
    const courseId = await newCourse(t, author, ['2']);
    await newApprovedQuestions(t, author, courseId, { '2': 3 });
    examId = (await t.http.post('/v1/exams').set('authorization', examiner).send({ courseId, title: 'Hooks', language: 'en', sections: [{ sectionKey: '2', count: 2 }], maxAttempts: 5 }).expect(201)).body.id;
    await t.http.post(`/v1/exams/${examId}/publish`).set('authorization', examiner).expect(200);
    await t.http.post(`/v1/exams/${examId}/enrollments`).set('authorization', examiner).send({ userIds: [candidateId] }).expect(200);
  });
  afterAll(() => t.close());

  async function submitAttempt(): Promise<string> {
    const attempt = (await t.http.post(`/v1/exams/${examId}/attempts`).set('authorization', candidate).expect(201)).body;
    await t.http.post(`/v1/attempts/${attempt.id}/submit`).set('authorization', candidate).expect(200);
    return attempt.id;
  }

  it('signs attempt events as Standard Webhooks, retries with backoff, logs deliveries and redelivers', async () => {
    const hook = await receiver(2);
    try {
      const created = await t.http.post('/v1/webhooks').set('authorization', owner).send({ url: hook.url, events: ['attempt.graded'] }).expect(201);
      expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      expect(created.body).toMatchObject({ secretFormat: 'base64', previousSecretExpiresAt: null });
      const attemptId = await submitAttempt();
      await until(() => hook.received.length >= 3);
      const last = hook.received[2]!;
      expect(last.headers['kubequiz-event']).toBe('attempt.graded');
      expect(last.headers['kubequiz-signature']).toBeUndefined();
      // One message id for every try, equal to the body's id.
      expect(new Set(hook.received.map((r) => r.headers['webhook-id']))).toEqual(new Set([JSON.parse(last.body).id]));
      const verified = verifyStandard(created.body.secret, last, t.clock);
      expect(verified).toMatchObject({ type: 'attempt.graded', event: 'attempt.graded', data: { attemptId, examId, userId: candidateId, externalId: null, passed: expect.any(Boolean) } });
      expect(() => verifyStandard('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', last, t.clock)).toThrow('No matching signature found');

      const log = await t.http.get(`/v1/webhooks/${created.body.id}/deliveries`).set('authorization', owner).expect(200);
      await until(async () => (await t.http.get(`/v1/webhooks/${created.body.id}/deliveries`).set('authorization', owner)).body.items[0].status === 'delivered');
      const delivered = (await t.http.get(`/v1/webhooks/${created.body.id}/deliveries`).set('authorization', owner)).body.items[0];
      expect(log.body.items).toHaveLength(1);
      expect(delivered).toMatchObject({ event: 'attempt.graded', status: 'delivered', attempts: 3, lastStatusCode: 204 });

      await t.http.post(`/v1/webhooks/deliveries/${delivered.id}/redeliver`).set('authorization', owner).expect(202);
      await until(() => hook.received.length >= 4);
      expect(JSON.parse(hook.received[3]!.body).id).toBe(delivered.id);
    } finally {
      await hook.close();
    }
  });

  it('marks a delivery failed after the last retry, and hides endpoints from other roles', async () => {
    const hook = await receiver(100);
    try {
      const created = await t.http.post('/v1/webhooks').set('authorization', owner).send({ url: hook.url, events: ['attempt.submitted'] }).expect(201);
      await submitAttempt();
      await until(async () => (await t.http.get(`/v1/webhooks/${created.body.id}/deliveries?status=failed`).set('authorization', owner)).body.items.length === 1, 60000);
      const failed = (await t.http.get(`/v1/webhooks/${created.body.id}/deliveries?status=failed`).set('authorization', owner)).body.items[0];
      expect(failed).toMatchObject({ attempts: 8, lastStatusCode: 503, lastError: 'HTTP 503' });
      await t.http.get('/v1/webhooks').set('authorization', `Bearer ${await t.login('author')}`).expect(403);
      await t.http.delete(`/v1/webhooks/${created.body.id}`).set('authorization', owner).expect(204);
    } finally {
      await hook.close();
    }
  });

  it('announces certificate.issued for a pass, after the certificate exists', async () => {
    const hook = await receiver(0);
    try {
      await t.http.post('/v1/webhooks').set('authorization', owner).send({ url: hook.url, events: ['certificate.issued'] }).expect(201);
      const attempt = (await t.http.post(`/v1/exams/${examId}/attempts`).set('authorization', candidate).expect(201)).body;
      // The factory's right answer is always "a".
      for (const item of attempt.items) {
        await t.http.put(`/v1/attempts/${attempt.id}/answers/${item.position}`).set('authorization', candidate).send({ response: { type: 'single-choice', choice: 'a' }, version: 0 }).expect(200);
      }
      await t.http.post(`/v1/attempts/${attempt.id}/submit`).set('authorization', candidate).expect(200);
      await until(() => hook.of('certificate.issued').length > 0);
      const event = JSON.parse(hook.of('certificate.issued')[0]!.body);
      expect(event.data).toMatchObject({ attemptId: attempt.id, certificateId: expect.any(String), userId: candidateId, externalId: null });
      const verification = await t.http.get(`/v1/certificates/${event.data.certificateId}/verification`).expect(200);
      expect(verification.body.status).toBe('valid');
    } finally {
      await hook.close();
    }
  });

  it('refuses private addresses unless allowed, and bad events', async () => {
    await t.http.post('/v1/webhooks').set('authorization', owner).send({ url: 'ftp://x.example/h', events: ['attempt.graded'] }).expect(422);
    await t.http.post('/v1/webhooks').set('authorization', owner).send({ url: 'https://lms.example/h', events: ['exam.deleted'] }).expect(422);
  });

  it('changes the events of an endpoint, validating what it is given', async () => {
    const hook = await receiver(0);
    try {
      const created = (await t.http.post('/v1/webhooks').set('authorization', owner).send({ url: hook.url, events: ['attempt.graded'] }).expect(201)).body;
      const patch = (body: object) => t.http.patch(`/v1/webhooks/${created.id}`).set('authorization', owner).send(body);
      expect((await patch({}).expect(422)).body.errors).toEqual([{ path: 'events', message: expect.stringMatching(/url or events/) }]);
      await patch({ events: [] }).expect(422);
      await patch({ events: ['exam.deleted'] }).expect(422);
      await patch({ events: ['attempt.submitted', 'attempt.submitted'] }).expect(422);
      await patch({ url: 'ftp://lms.example/h' }).expect(422);
      await patch({ secret: 'whsec_mine' }).expect(422);
      await t.http.patch('/v1/webhooks/00000000-0000-4000-8000-000000000000').set('authorization', owner).send({ events: ['attempt.graded'] }).expect(404);
      await t.http.patch(`/v1/webhooks/${created.id}`).set('authorization', `Bearer ${await t.login('author')}`).send({ events: ['attempt.graded'] }).expect(403);

      const updated = await patch({ events: ['attempt.submitted'] }).expect(200);
      expect(updated.body).toMatchObject({ id: created.id, url: hook.url, events: ['attempt.submitted'] });
      expect((await t.http.get('/v1/webhooks').set('authorization', owner).expect(200)).body.find((w: { id: string }) => w.id === created.id).events).toEqual(['attempt.submitted']);
      await submitAttempt();
      await until(() => hook.of('attempt.submitted').length === 1);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(hook.of('attempt.graded')).toEqual([]);
    } finally {
      await hook.close();
    }
  });
});
