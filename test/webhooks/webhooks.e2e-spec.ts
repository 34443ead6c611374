import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhookSignature } from '../../src/webhooks/webhook-signature.js';
import { newApprovedQuestions, newCourse } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

/** A receiver that fails the first `failures` requests with 503, then accepts. */
async function receiver(failures: number): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  let left = failures;
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.statusCode = left-- > 0 ? 503 : 204;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 15000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('webhooks', () => {
  let t: TestApp;
  let owner: string;
  let examId: string;
  let candidate: string;

  beforeAll(async () => {
    t = await createTestApp({ WEBHOOK_ALLOW_PRIVATE_URLS: 'true', WEBHOOK_RETRY_BASE_SECONDS: '0.05', JOBS_POLL_SECONDS: '0.5' });
    owner = `Bearer ${await t.login('owner')}`;
    const author = `Bearer ${await t.login('author')}`;
    const examiner = `Bearer ${await t.login('examiner')}`;
    candidate = `Bearer ${await t.login('candidate')}`;
    const candidateId = (await t.http.get('/v1/me').set('authorization', candidate)).body.userId;
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

  it('signs attempt events with HMAC-SHA256, retries with backoff, logs deliveries and redelivers', async () => {
    const hook = await receiver(2);
    try {
      const created = await t.http.post('/v1/webhooks').set('authorization', owner).send({ url: hook.url, events: ['attempt.graded'] }).expect(201);
      expect(created.body.secret).toMatch(/^whsec_/);
      const attemptId = await submitAttempt();
      await until(() => hook.received.length >= 3);
      const last = hook.received[2]!;
      expect(last.headers['kubequiz-event']).toBe('attempt.graded');
      const clockNow = Math.floor(t.clock.now().getTime() / 1000);
      expect(verifyWebhookSignature(created.body.secret, String(last.headers['kubequiz-signature']), last.body, clockNow)).toBe(true);
      expect(verifyWebhookSignature('whsec_wrong', String(last.headers['kubequiz-signature']), last.body, clockNow)).toBe(false);
      expect(JSON.parse(last.body)).toMatchObject({ event: 'attempt.graded', data: { attemptId, examId, passed: expect.any(Boolean) } });

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
      await until(() => hook.received.some((r) => r.headers['kubequiz-event'] === 'certificate.issued'));
      const event = JSON.parse(hook.received.find((r) => r.headers['kubequiz-event'] === 'certificate.issued')!.body);
      expect(event.data).toMatchObject({ attemptId: attempt.id, certificateId: expect.any(String) });
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
});
