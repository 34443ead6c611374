import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory.js';
import { loadConfig } from '../../src/config/app-config.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { LONG_TTL, certificateWorld } from './certificate-fixtures.js';

const OLD_BASE = 'https://kubequiz.old-host.test';
const NEW_BASE = 'https://certificates.new-host.test/kq';

type Check = { check: string; passed: boolean; message: string };
const verdicts = (checks: Check[]) => checks.map((c) => [c.check, c.passed]);

/**
 * The service moves to a new public URL: everything issued under the old one still verifies,
 * by id and as a posted JWT, and new certificates carry the new URL.
 */
describe('certificates: a change of PUBLIC_BASE_URL keeps earlier certificates valid', () => {
  let t: TestApp;
  let moved: NestFastifyApplication;
  let http: ReturnType<typeof request>;
  let w: Awaited<ReturnType<typeof certificateWorld>>;
  let examId: string;
  const earlier: Array<Record<string, any>> = [];

  beforeAll(async () => {
    t = await createTestApp({ JWT_ACCESS_TTL_SECONDS: LONG_TTL, PUBLIC_BASE_URL: OLD_BASE });
    w = await certificateWorld(t);
    examId = await w.publishedExam();
    for (let i = 0; i < 3; i += 1) earlier.push((await w.myCertificate((await w.sit(examId, 4)).attemptId))!);
    await t.http.post(`/v1/certificates/${earlier[2]!.id}/revoke`).set('authorization', w.examiner).send({ reason: 'Misconduct' }).expect(200);
    await t.http.post(`/v1/organizations/${t.organizationId}/issuer-keys:rotate`).set('authorization', w.owner).expect(200);

    // The same database, served from a new address: the deployment after the move.
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: t.databaseUrl,
      PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000',
      JWT_ACCESS_TTL_SECONDS: LONG_TTL,
      PUBLIC_BASE_URL: NEW_BASE,
      SANDBOX_ENABLED: 'false',
      JOBS_ENABLED: 'false',
    });
    moved = await createApp({ config, databaseUrl: t.databaseUrl, clock: t.clock });
    await moved.getHttpAdapter().getInstance().ready();
    http = request(moved.getHttpServer());
  }, 120_000);
  afterAll(async () => {
    await moved?.close();
    await t?.close();
  });

  it('issued the earlier certificates under the old URL', () => {
    for (const certificate of earlier) {
      expect(certificate.credential.issuer.id).toBe(`${OLD_BASE}/v1/issuers/${t.organizationId}`);
      expect(certificate.credential.credentialStatus.statusListCredential).toMatch(new RegExp(`^${OLD_BASE}/v1/status-lists/`));
    }
  });

  it('still verifies every earlier certificate by id and as a posted JWT after the move', async () => {
    for (const [index, certificate] of earlier.entries()) {
      const expected = index === 2 ? 'revoked' : 'valid';
      const byId = await http.get(`/v1/certificates/${certificate.id}/verification`).expect(200);
      expect({ id: certificate.id, status: byId.body.status }).toEqual({ id: certificate.id, status: expected });
      expect(byId.body.issuer.id).toBe(certificate.credential.issuer.id);
      const byJwt = await http.post('/v1/verify').send({ credential: certificate.jwt }).expect(200);
      expect({ id: certificate.id, status: byJwt.body.status }).toEqual({ id: certificate.id, status: expected });
      expect(verdicts(byJwt.body.checks)).toEqual([
        ['format', true],
        ['signature', true],
        ['issuer', true],
        ['dates', true],
        ['status', index !== 2],
      ]);
    }
  });

  it('issues new certificates under the new URL, and they verify too', async () => {
    // A token from before the move: the signing secret lives in the database, not in the host name.
    const token = w.candidate;
    const attempt = (await http.post(`/v1/exams/${examId}/attempts`).set('authorization', token).expect(201)).body;
    for (const item of attempt.items as Array<{ position: number }>) {
      await http.put(`/v1/attempts/${attempt.id}/answers/${item.position}`).set('authorization', token).send({ response: { type: 'single-choice', choice: 'a' }, version: 0 }).expect(200);
    }
    await http.post(`/v1/attempts/${attempt.id}/submit`).set('authorization', token).expect(200);
    const mine = (await http.get('/v1/me/certificates?limit=100').set('authorization', token).expect(200)).body.items as Array<Record<string, any>>;
    const fresh = mine.find((c) => c.attemptId === attempt.id)!;
    expect(fresh.credential.issuer.id).toBe(`${NEW_BASE}/v1/issuers/${t.organizationId}`);
    expect(fresh.credential.credentialStatus.statusListCredential).toMatch(new RegExp(`^${NEW_BASE}/v1/status-lists/`));
    expect(fresh.verificationUrl).toBe(`${NEW_BASE}/v1/certificates/${fresh.id}/verification`);
    expect((await http.post('/v1/verify').send({ credential: fresh.jwt }).expect(200)).body.status).toBe('valid');
    // The profile names the organisation at its current id.
    expect((await http.get(`/v1/issuers/${t.organizationId}`).expect(200)).body.id).toBe(`${NEW_BASE}/v1/issuers/${t.organizationId}`);
    const bases = await moved.get(DataSource).query(`SELECT base_url FROM issuer_base_urls WHERE organization_id = $1 ORDER BY first_issued_at`, [t.organizationId]);
    expect(bases.map((row: { base_url: string }) => row.base_url)).toEqual([OLD_BASE, NEW_BASE]);
  });

  it('accepts an old URL only because the organisation issued under it', async () => {
    // Forget the old base: the same credentials are then claims by a host that is not ours.
    await moved.get(DataSource).query(`DELETE FROM issuer_base_urls WHERE base_url = $1`, [OLD_BASE]);
    const byId = await http.get(`/v1/certificates/${earlier[0]!.id}/verification`).expect(200);
    expect(byId.body.status).toBe('invalid');
    expect(byId.body.checks.find((c: Check) => c.check === 'issuer')).toMatchObject({ passed: false });
    const byJwt = await http.post('/v1/verify').send({ credential: earlier[0]!.jwt }).expect(200);
    expect(byJwt.body.status).toBe('invalid');
    expect(byJwt.body.checks.find((c: Check) => c.check === 'issuer').message).toMatch(/not an issuer of this service/);
  });
});
