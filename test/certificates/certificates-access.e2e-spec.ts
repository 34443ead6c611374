import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { LONG_TTL, binary, certificateWorld } from './certificate-fixtures.js';

/**
 * Who sees which certificate: the LMS by its candidate ids, the candidate, staff, another
 * organisation (404 everywhere) and the public (the verification fields and nothing else).
 */
describe('certificates: integrations, tenant isolation, public surface', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof certificateWorld>>;
  let lmsKey: string;
  let lmsCandidate: string;
  let certificate: Record<string, any>;
  let examId: string;
  let attemptId: string;
  let rival: string;
  let rivalKey: string;
  let rivalOrganizationId: string;

  beforeAll(async () => {
    t = await createTestApp({ JWT_ACCESS_TTL_SECONDS: LONG_TTL, CANDIDATE_TOKEN_TTL_SECONDS: LONG_TTL });
    w = await certificateWorld(t);
    const org = `/v1/organizations/${t.organizationId}`;
    lmsKey = (
      await t.http
        .post(`${org}/api-keys`)
        .set('authorization', w.owner)
        .send({ name: 'lms', scopes: ['candidates:write', 'candidates:token', 'certificates:read'] })
        .expect(201)
    ).body.key;
    await t.http.put(`${org}/candidates/lms-zh-1`).set('x-api-key', lmsKey).send({ email: 'zhang.wei@learner.example', displayName: '张伟' }).expect(201);
    lmsCandidate = `Bearer ${(await t.http.post(`${org}/candidates/lms-zh-1/token`).set('x-api-key', lmsKey).expect(200)).body.accessToken}`;
    examId = await w.publishedExam({ title: '容器编排基础 Kubernetes' }, { externalIds: ['lms-zh-1'] });
    ({ attemptId } = await w.sit(examId, 4, lmsCandidate));
    certificate = (await w.myCertificate(attemptId, lmsCandidate))!;
    // Public by default; this suite checks what strangers see of a certificate whose holder hid it.
    await t.http.patch(`/v1/me/certificates/${certificate.id}`).set('authorization', lmsCandidate).send({ showName: false }).expect(200);

    const admin = `Bearer ${await t.login('admin')}`;
    rivalOrganizationId = (await t.http.post('/v1/organizations').set('authorization', admin).send({ slug: 'rival', name: 'Rival Academy' }).expect(201)).body.id;
    const invitation = await t.http
      .post(`/v1/organizations/${rivalOrganizationId}/invitations`)
      .set('authorization', admin)
      .send({ email: 'owner@rival.example', roles: ['owner', 'examiner', 'candidate'] })
      .expect(201);
    await t.http.post('/v1/invitations/accept').send({ token: invitation.body.token, displayName: 'Rival', password: 'rival-password-1' }).expect(200);
    rival = `Bearer ${(await t.http.post('/v1/auth/login').send({ email: 'owner@rival.example', password: 'rival-password-1' }).expect(200)).body.accessToken}`;
    rivalKey = (
      await t.http.post(`/v1/organizations/${rivalOrganizationId}/api-keys`).set('authorization', rival).send({ name: 'rival lms', scopes: ['certificates:read'] }).expect(201)
    ).body.key;
  });
  afterAll(() => t.close());

  it('lets the LMS fetch a candidate’s certificates by its own id, with the credential and JWT', async () => {
    const page = await t.http.get(`/v1/organizations/${t.organizationId}/candidates/lms-zh-1/certificates`).set('x-api-key', lmsKey).expect(200);
    expect(page.body.items).toHaveLength(1);
    expect(page.body.items[0]).toMatchObject({ id: certificate.id, recipientName: '张伟', examTitle: '容器编排基础 Kubernetes', jwt: certificate.jwt });
    expect(page.body.items[0].credential.id).toBe(`urn:uuid:${certificate.id}`);
    await t.http.get(`/v1/organizations/${t.organizationId}/candidates/nobody/certificates`).set('x-api-key', lmsKey).expect(404);
    const noScope = (await t.http.post(`/v1/organizations/${t.organizationId}/api-keys`).set('authorization', w.owner).send({ name: 'n', scopes: ['results:read'] }).expect(201)).body.key;
    await t.http.get(`/v1/organizations/${t.organizationId}/candidates/lms-zh-1/certificates`).set('x-api-key', noScope).expect(403);
    const staff = await t.http.get(`/v1/organizations/${t.organizationId}/candidates/lms-zh-1/certificates`).set('authorization', w.examiner).expect(200);
    expect(staff.body.items.map((c: { id: string }) => c.id)).toEqual([certificate.id]);
  });

  it('lets an API key of the organisation with certificates:read download a hidden certificate’s PDF and credential', async () => {
    const pdf = await t.http.get(`/v1/certificates/${certificate.id}/pdf`).set('x-api-key', lmsKey).buffer(true).parse(binary).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['cache-control']).toBe('private, no-store');
    const jwt = await t.http.get(`/v1/certificates/${certificate.id}/credential`).set('x-api-key', lmsKey).expect(200);
    expect(jwt.text).toBe(certificate.jwt);
    const json = await t.http.get(`/v1/certificates/${certificate.id}/credential?format=json`).set('x-api-key', lmsKey).expect(200);
    expect(json.body.id).toBe(`urn:uuid:${certificate.id}`);

    const noScope = (await t.http.post(`/v1/organizations/${t.organizationId}/api-keys`).set('authorization', w.owner).send({ name: 'results only', scopes: ['results:read'] }).expect(201)).body.key;
    const refused = await t.http.get(`/v1/certificates/${certificate.id}/pdf`).set('x-api-key', noScope).expect(403);
    expect(refused.body.detail).toMatch(/certificates:read/);
    await t.http.get(`/v1/certificates/${certificate.id}/credential`).set('x-api-key', noScope).expect(403);
    // Another organisation's key is told the certificate does not exist; a made-up key is refused.
    await t.http.get(`/v1/certificates/${certificate.id}/pdf`).set('x-api-key', rivalKey).expect(404);
    await t.http.get(`/v1/certificates/${certificate.id}/credential`).set('x-api-key', rivalKey).expect(404);
    const forged = await t.http.get(`/v1/certificates/${certificate.id}/pdf`).set('x-api-key', 'kq_not-a-real-key').expect(401);
    expect(forged.body.type).toBe('urn:kubequiz:problem:invalid-token');
  });

  it('prints the LMS candidate’s Chinese name and the Chinese exam title on the PDF', async () => {
    const pdf = await t.http.get(`/v1/certificates/${certificate.id}/pdf`).set('authorization', lmsCandidate).buffer(true).parse(binary).expect(200);
    const file = join(mkdtempSync(join(tmpdir(), 'kq-cert-')), 'certificate.pdf');
    writeFileSync(file, pdf.body);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('张伟');
    expect(text).toContain('容器编排基础');
    expect(text).toContain(certificate.id);
  });

  it('answers 404 to another organisation on every certificate route', async () => {
    const org = `/v1/organizations/${t.organizationId}`;
    const calls: Array<[string, string, object | undefined]> = [
      ['POST', `/v1/certificates/${certificate.id}/revoke`, { reason: 'hostile takeover' }],
      ['GET', `/v1/exams/${examId}/certificates`, undefined],
      ['GET', `${org}/candidates/lms-zh-1/certificates`, undefined],
      ['PATCH', `/v1/me/certificates/${certificate.id}`, { showName: true }],
      ['POST', `/v1/attempts/${attemptId}/certificate`, undefined],
      ['GET', `/v1/certificates/${certificate.id}/pdf`, undefined],
      ['GET', `/v1/certificates/${certificate.id}/credential`, undefined],
      ['GET', `${org}/issuer-keys`, undefined],
      ['POST', `${org}/issuer-keys:rotate`, undefined],
    ];
    for (const [method, path, body] of calls) {
      const call = t.http[method.toLowerCase() as 'get'](path).set('authorization', rival);
      const response = await (body ? call.send(body) : call);
      expect({ method, path, status: response.status }).toEqual({ method, path, status: 404 });
    }
    await t.http.get(`/v1/exams/${examId}/certificates`).set('x-api-key', rivalKey).expect(404);
    await t.http.get(`${org}/candidates/lms-zh-1/certificates`).set('x-api-key', rivalKey).expect(404);
    expect((await t.http.get('/v1/me/certificates').set('authorization', rival).expect(200)).body.items).toEqual([]);

    const still = await t.http.get(`/v1/certificates/${certificate.id}/verification`).expect(200);
    expect(still.body).toMatchObject({ status: 'valid', revokedAt: null, recipient: { displayName: null, nameShown: false } });
  });

  it('tells the public the verification fields and nothing else', async () => {
    const { body } = await t.http.get(`/v1/certificates/${certificate.id}/verification`).expect(200);
    expect(Object.keys(body).sort()).toEqual(
      ['certificateId', 'checkedAt', 'checks', 'exam', 'issuedAt', 'issuer', 'recipient', 'revocationReason', 'revokedAt', 'status', 'validUntil'].sort(),
    );
    expect(Object.keys(body.exam).sort()).toEqual(['id', 'title']);
    expect(Object.keys(body.issuer).sort()).toEqual(['id', 'name', 'url']);
    const text = JSON.stringify(body);
    for (const secret of ['zhang.wei', '张伟', certificate.userId, attemptId, certificate.jwt.split('.')[2], 'score', 'sha256$']) {
      expect({ secret, leaked: text.includes(secret) }).toEqual({ secret, leaked: false });
    }
    // Hidden by the candidate: no name, no PDF, no credential for strangers.
    await t.http.get(`/v1/certificates/${certificate.id}/pdf`).expect(401);
    await t.http.get(`/v1/certificates/${certificate.id}/credential`).expect(401);
    const profile = await t.http.get(`/v1/issuers/${t.organizationId}`).expect(200);
    expect(Object.keys(profile.body).sort()).toEqual(['@context', 'id', 'name', 'type']);
    await t.http.get('/v1/issuers/00000000-0000-4000-8000-000000000000').expect(404);
    const jwks = await t.http.get('/.well-known/jwks.json').expect(200);
    for (const key of jwks.body.keys) expect(Object.keys(key).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x']);
  });

  it('does not accept a status list JWT, signed by the same key, as a certificate', async () => {
    const listUrl = new URL(certificate.credential.credentialStatus.statusListCredential);
    const listJwt = (await t.http.get(listUrl.pathname).expect(200)).text;
    const report = await t.http.post('/v1/verify').set('content-type', 'application/vc+jwt').send(listJwt).expect(200);
    expect(report.body).toMatchObject({ valid: false, status: 'invalid' });
    expect(report.body.checks[0]).toMatchObject({ check: 'format', passed: false, message: expect.stringContaining('OpenBadgeCredential') });
    expect(report.body.checks[1]).toMatchObject({ check: 'signature', passed: true });
  });
});
