import { createHmac } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CertificateExpiryAnnouncer } from '../../src/certificates/certificate-expiry-announcer.js';
import { WebhooksService } from '../../src/webhooks/webhooks.service.js';
import { LONG_TTL, certificateWorld } from '../certificates/certificate-fixtures.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { receiver, until, verifyStandard, type Receiver } from './webhook-receiver.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Deliveries as a Standard Webhooks receiver sees them, verified with the reference library
 * from npm (`standardwebhooks`): rotation, secrets from before the standard, the events
 * added for integrations and the LMS's own ids in them.
 */
describe('Standard Webhooks', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof certificateWorld>>;
  let lmsCandidate: string;
  let lmsCandidateId: string;
  let examId: string;

  beforeAll(async () => {
    t = await createTestApp({
      WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
      WEBHOOK_RETRY_BASE_SECONDS: '0.05',
      JOBS_POLL_SECONDS: '0.5',
      JWT_ACCESS_TTL_SECONDS: LONG_TTL,
      CANDIDATE_TOKEN_TTL_SECONDS: LONG_TTL,
    });
    w = await certificateWorld(t);
    const org = `/v1/organizations/${t.organizationId}`;
    const lmsKey = (await t.http.post(`${org}/api-keys`).set('authorization', w.owner).send({ name: 'lms', scopes: ['candidates:write', 'candidates:token'] }).expect(201)).body.key;
    lmsCandidateId = (await t.http.put(`${org}/candidates/lms-4711`).set('x-api-key', lmsKey).send({ email: 'ada@learner.example', displayName: 'Ada' }).expect(201)).body.userId;
    lmsCandidate = `Bearer ${(await t.http.post(`${org}/candidates/lms-4711/token`).set('x-api-key', lmsKey).expect(200)).body.accessToken}`;
    examId = await w.publishedExam({}, { userIds: [w.candidateId], externalIds: ['lms-4711'] });
  });
  afterAll(() => t.close());

  async function subscribe(hook: Receiver, events: string[]): Promise<{ id: string; secret: string }> {
    return (await t.http.post('/v1/webhooks').set('authorization', w.owner).send({ url: hook.url, events }).expect(201)).body;
  }

  const rotate = (id: string, body: object = {}) => t.http.post(`/v1/webhooks/${id}/secret:rotate`).set('authorization', w.owner).send(body);

  /** Publishes the exam again and waits for its exam.published delivery. */
  async function publishAndReceive(hook: Receiver) {
    const before = hook.of('exam.published').length;
    const published = (await t.http.post(`/v1/exams/${examId}/publish`).set('authorization', w.examiner).expect(200)).body;
    await until(() => hook.of('exam.published').length > before);
    const request = hook.of('exam.published')[before]!;
    expect(JSON.parse(request.body).data).toMatchObject({ examId, version: published.version, title: 'Kubernetes Fundamentals', courseId: w.courseId });
    return request;
  }

  const signatures = (request: { headers: Record<string, unknown> }) => String(request.headers['webhook-signature']).split(' ');

  it('rotates a secret: both signatures during the overlap, the new one only after it', async () => {
    const hook = await receiver();
    try {
      const endpoint = await subscribe(hook, ['exam.published']);
      const first = await publishAndReceive(hook);
      expect(signatures(first)).toHaveLength(1);
      expect(verifyStandard(endpoint.secret, first, t.clock)).toMatchObject({ type: 'exam.published', data: { examId } });

      const rotated = await rotate(endpoint.id).expect(200);
      expect(rotated.body.secret).toMatch(/^whsec_/);
      expect(rotated.body.secret).not.toBe(endpoint.secret);
      expect(rotated.body.previousSecretExpiresAt).toBe(new Date(t.clock.now().getTime() + DAY).toISOString());
      const during = await publishAndReceive(hook);
      expect(signatures(during)).toHaveLength(2);
      expect(verifyStandard(rotated.body.secret, during, t.clock)).toBeTruthy();
      expect(verifyStandard(endpoint.secret, during, t.clock)).toBeTruthy();

      t.clock.advance(DAY + 1000);
      const after = await publishAndReceive(hook);
      expect(signatures(after)).toHaveLength(1);
      expect(verifyStandard(rotated.body.secret, after, t.clock)).toBeTruthy();
      expect(() => verifyStandard(endpoint.secret, after, t.clock)).toThrow('No matching signature found');
      const listed = (await t.http.get('/v1/webhooks').set('authorization', w.owner).expect(200)).body.find((e: { id: string }) => e.id === endpoint.id);
      expect(listed).toMatchObject({ secretFormat: 'base64', previousSecretExpiresAt: null });
      expect(listed).not.toHaveProperty('secret');

      // A leaked secret: retired at once.
      const leaked = await rotate(endpoint.id, { overlapHours: 0 }).expect(200);
      expect(leaked.body.previousSecretExpiresAt).toBeNull();
      const immediately = await publishAndReceive(hook);
      expect(verifyStandard(leaked.body.secret, immediately, t.clock)).toBeTruthy();
      expect(() => verifyStandard(rotated.body.secret, immediately, t.clock)).toThrow('No matching signature found');
      await t.http.delete(`/v1/webhooks/${endpoint.id}`).set('authorization', w.owner).expect(204);
    } finally {
      await hook.close();
    }
  });

  it('refuses bad rotations', async () => {
    const hook = await receiver();
    try {
      const endpoint = await subscribe(hook, ['exam.published']);
      for (const overlapHours of [-1, 'soon', 24 * 30 + 1]) await rotate(endpoint.id, { overlapHours }).expect(422);
      await rotate('00000000-0000-4000-8000-000000000000').expect(404);
      await t.http.post(`/v1/webhooks/${endpoint.id}/secret:rotate`).set('authorization', w.examiner).send({}).expect(403);
      await t.http.delete(`/v1/webhooks/${endpoint.id}`).set('authorization', w.owner).expect(204);
    } finally {
      await hook.close();
    }
  });

  it('keeps a secret from before the standard valid (its bytes as the key, the old header beside) until it is rotated', async () => {
    const hook = await receiver();
    try {
      const endpoint = await subscribe(hook, ['exam.published']);
      // What the Webhooks migration leaves for an endpoint created before it.
      const legacy = 'whsec_Qm9vdHN0cmFwcGVkQmVmb3JlU3RhbmRhcmQ';
      const box = t.app.get(WebhooksService).box;
      await t.app.get(DataSource).query(`UPDATE webhook_endpoints SET sealed_secret = $1, secret_format = 'raw' WHERE id = $2`, [box.seal(legacy), endpoint.id]);
      const oldHeader = (request: { headers: Record<string, unknown>; body: string }) => {
        const timestamp = String(request.headers['webhook-timestamp']);
        return `t=${timestamp},v1=${createHmac('sha256', legacy).update(`${timestamp}.${request.body}`).digest('hex')}`;
      };

      const before = await publishAndReceive(hook);
      expect(verifyStandard(legacy, before, t.clock, { format: 'raw' })).toBeTruthy();
      expect(() => verifyStandard(endpoint.secret, before, t.clock)).toThrow();
      expect(before.headers['kubequiz-signature']).toBe(oldHeader(before));
      expect(before.headers['kubequiz-delivery']).toBe(before.headers['webhook-id']);

      const rotated = (await rotate(endpoint.id, { overlapHours: 1 }).expect(200)).body;
      expect(rotated.secretFormat).toBe('base64');
      const during = await publishAndReceive(hook);
      expect(verifyStandard(rotated.secret, during, t.clock)).toBeTruthy();
      expect(verifyStandard(legacy, during, t.clock, { format: 'raw' })).toBeTruthy();
      expect(during.headers['kubequiz-signature']).toBe(oldHeader(during));

      t.clock.advance(HOUR + 1000);
      const after = await publishAndReceive(hook);
      expect(verifyStandard(rotated.secret, after, t.clock)).toBeTruthy();
      expect(after.headers['kubequiz-signature']).toBeUndefined();
      expect(after.headers['kubequiz-delivery']).toBeUndefined();
      await t.http.delete(`/v1/webhooks/${endpoint.id}`).set('authorization', w.owner).expect(204);
    } finally {
      await hook.close();
    }
  });

  it("names the LMS's externalId in every event about a person, and announces a revocation once", async () => {
    const hook = await receiver();
    try {
      const endpoint = await subscribe(hook, ['attempt.submitted', 'attempt.graded', 'certificate.issued', 'certificate.revoked']);
      const { attemptId, passed } = await w.sit(examId, 4, lmsCandidate);
      expect(passed).toBe(true);
      await until(() => hook.received.length >= 3);
      const person = { userId: lmsCandidateId, externalId: 'lms-4711' };
      for (const event of ['attempt.submitted', 'attempt.graded', 'certificate.issued']) {
        const [request] = hook.of(event);
        expect(verifyStandard(endpoint.secret, request!, t.clock)).toMatchObject({ type: event, data: { ...person, attemptId } });
      }
      const certificateId = JSON.parse(hook.of('certificate.issued')[0]!.body).data.certificateId as string;

      const revoke = () => t.http.post(`/v1/certificates/${certificateId}/revoke`).set('authorization', w.examiner).send({ reason: 'Answers shared during the exam' }).expect(200);
      const revoked = (await revoke()).body;
      await until(() => hook.of('certificate.revoked').length === 1);
      expect(verifyStandard(endpoint.secret, hook.of('certificate.revoked')[0]!, t.clock)).toMatchObject({
        type: 'certificate.revoked',
        data: { ...person, certificateId, attemptId, examId, revokedAt: revoked.revokedAt, reason: 'Answers shared during the exam', verificationUrl: expect.stringContaining(certificateId) },
      });
      await revoke();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(hook.of('certificate.revoked')).toHaveLength(1);

      const { attemptId: ownAttempt } = await w.sit(examId, 0);
      await until(() => hook.of('attempt.graded').length === 2);
      expect(JSON.parse(hook.of('attempt.graded')[1]!.body).data).toMatchObject({ attemptId: ownAttempt, userId: w.candidateId, externalId: null, passed: false });
      await t.http.delete(`/v1/webhooks/${endpoint.id}`).set('authorization', w.owner).expect(204);
    } finally {
      await hook.close();
    }
  });

  it('announces certificate.expired exactly once per certificate, and never for a revoked one', async () => {
    const hook = await receiver();
    try {
      const endpoint = await subscribe(hook, ['certificate.expired']);
      const shortExam = await w.publishedExam({ certificateValidityMonths: 1 }, { userIds: [w.candidateId], externalIds: ['lms-4711'] });
      const { attemptId } = await w.sit(shortExam, 4);
      const expiring = (await w.myCertificate(attemptId))! as unknown as { id: string; validUntil: string };
      const { attemptId: revokedAttempt } = await w.sit(shortExam, 4, lmsCandidate);
      const revoked = (await w.myCertificate(revokedAttempt, lmsCandidate))! as unknown as { id: string };
      await t.http.post(`/v1/certificates/${revoked.id}/revoke`).set('authorization', w.examiner).send({ reason: 'Identity not confirmed' }).expect(200);

      const announcer = t.app.get(CertificateExpiryAnnouncer);
      await announcer.announceDue();
      t.clock.set(new Date(new Date(expiring.validUntil).getTime() + 60_000));
      // Two sweeps at once, as two replicas might run them, then a third later.
      await Promise.all([announcer.announceDue(), announcer.announceDue()]);
      await announcer.announceDue();
      await until(() => hook.of('certificate.expired').length >= 1);
      await new Promise((resolve) => setTimeout(resolve, 1500));

      const expired = hook.of('certificate.expired');
      expect(expired).toHaveLength(1);
      expect(verifyStandard(endpoint.secret, expired[0]!, t.clock)).toMatchObject({
        type: 'certificate.expired',
        data: { certificateId: expiring.id, attemptId, examId: shortExam, userId: w.candidateId, externalId: null, validUntil: expiring.validUntil },
      });
      const keys = await t.app.get(DataSource).query(`SELECT key FROM webhook_event_keys WHERE key LIKE 'certificate.expired:%'`);
      expect(keys).toEqual([{ key: `certificate.expired:${expiring.id}` }]);
      await t.http.delete(`/v1/webhooks/${endpoint.id}`).set('authorization', w.owner).expect(204);
    } finally {
      await hook.close();
    }
  });

  it('documents the signature headers and every event with its data in the OpenAPI document', async () => {
    const { body } = await t.http.get('/docs-json').expect(200);
    const webhooks = body.webhooks ?? body['x-webhooks'];
    expect(Object.keys(webhooks).sort()).toEqual(['attempt.graded', 'attempt.submitted', 'certificate.expired', 'certificate.issued', 'certificate.revoked', 'exam.published']);
    for (const [event, item] of Object.entries(webhooks as Record<string, { post: { parameters: Array<{ name: string }>; requestBody: { content: Record<string, { schema: any }> } } }>)) {
      expect(item.post.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(['webhook-id', 'webhook-timestamp', 'webhook-signature']));
      const schema = item.post.requestBody.content['application/json']!.schema;
      const data = body.components.schemas[schema.properties.data.$ref.split('/').pop()];
      expect(data).toBeDefined();
      if (event !== 'exam.published') expect(Object.keys(data.properties)).toEqual(expect.arrayContaining(['userId', 'externalId']));
    }
    const create = body.paths['/v1/webhooks'].post;
    expect(create.description).toMatch(/webhook-signature: v1,<base64/);
    expect(body.paths['/v1/webhooks/{webhookId}/secret:rotate'].post).toBeDefined();
    expect(body.paths['/v1/webhooks/{webhookId}'].patch).toBeDefined();
  });
});
