import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { StatusBitstring } from '../../src/certificates/core/index.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { LONG_TTL, binary, certificateWorld, tamper } from './certificate-fixtures.js';
import { openBadgesValidator } from './open-badges-schema.js';

type World = Awaited<ReturnType<typeof certificateWorld>>;

const pathOf = (url: string) => new URL(url).pathname;

describe('certificates: issue on pass, verify, revoke, expire, PDF', () => {
  let t: TestApp;
  let w: World;
  let examId: string;
  let passed: { attemptId: string; passed: boolean };
  let certificate: Record<string, any>;

  beforeAll(async () => {
    t = await createTestApp({ JWT_ACCESS_TTL_SECONDS: LONG_TTL, STATUS_LIST_CAPACITY: '3', PUBLIC_BASE_URL: 'https://kubequiz.test' });
    w = await certificateWorld(t);
    examId = await w.publishedExam();
    passed = await w.sit(examId, 4);
    certificate = (await w.myCertificate(passed.attemptId))!;
  });
  afterAll(() => t.close());

  async function jwks() {
    const response = await t.http.get('/.well-known/jwks.json').expect(200);
    return createLocalJWKSet(response.body);
  }

  it('issues a signed Open Badges 3.0 credential when the attempt passes', async () => {
    expect(passed.passed).toBe(true);
    expect(certificate).toMatchObject({ status: 'valid', examId, examTitle: 'Kubernetes Fundamentals', score: 100, showName: true, revokedAt: null });
    const validate = openBadgesValidator();
    const ok = validate(certificate.credential);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);

    const credential = certificate.credential;
    expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(credential.issuer).toMatchObject({ id: `https://kubequiz.test/v1/issuers/${t.organizationId}`, type: ['Profile'], name: 'Demo Training Co.' });
    expect(credential.credentialSubject.achievement).toMatchObject({ name: 'Kubernetes Fundamentals', tag: ['3', '5'] });
    expect(credential.credentialSubject.identifier).toEqual([expect.objectContaining({ identityType: 'emailAddress', hashed: true })]);
    expect(credential.credentialStatus).toMatchObject({ type: 'BitstringStatusListEntry', statusPurpose: 'revocation' });
    expect(credential.evidence[0].narrative).toBe('Scored 100% (pass mark 60%): passed.');
    expect(Date.parse(credential.validUntil) - Date.parse(credential.validFrom)).toBeGreaterThan(364 * 86_400_000);
    expect(certificate.validUntil).toBe(new Date(credential.validUntil).toISOString());

    // A plain jose check, independent of our verifier: the published JWKS and nothing else.
    const { payload, protectedHeader } = await jwtVerify(certificate.jwt, await jwks(), { currentDate: t.clock.now(), algorithms: ['EdDSA'] });
    expect(protectedHeader).toMatchObject({ alg: 'EdDSA', typ: 'vc+jwt' });
    expect(payload).toMatchObject({ iss: credential.issuer.id, jti: credential.id, sub: credential.credentialSubject.identifier[0].identityHash });
  });

  it('serves the issuer Profile at the issuer id and the status list as a signed credential', async () => {
    const profile = await t.http.get(pathOf(certificate.credential.issuer.id)).expect(200);
    expect(profile.body).toMatchObject({ id: certificate.credential.issuer.id, type: ['Profile'], name: 'Demo Training Co.' });

    const listPath = pathOf(certificate.credential.credentialStatus.statusListCredential);
    const asJwt = await t.http.get(listPath).expect(200);
    expect(asJwt.headers['content-type']).toMatch(/^application\/vc\+jwt/);
    const { payload } = await jwtVerify(asJwt.text, await jwks(), { currentDate: t.clock.now() });
    expect(payload.type).toEqual(['VerifiableCredential', 'BitstringStatusListCredential']);
    const asJson = await t.http.get(listPath).set('accept', 'application/json').expect(200);
    expect(asJson.body.jwt).toBe(asJwt.text);
    const bits = StatusBitstring.decode(asJson.body.credential.credentialSubject.encodedList);
    expect(bits.get(Number(certificate.credential.credentialStatus.statusListIndex))).toBe(false);
    await t.http.get(listPath).set('if-none-match', asJwt.headers.etag).expect(304);
    await t.http.get('/v1/status-lists/00000000-0000-4000-8000-000000000000').expect(404);
  });

  it('verifies by id and by JWT, and names the signature check for a tampered payload', async () => {
    const byId = await t.http.get(`/v1/certificates/${certificate.id}/verification`).expect(200);
    expect(byId.body).toMatchObject({
      status: 'valid',
      certificateId: certificate.id,
      issuer: { id: certificate.credential.issuer.id, name: 'Demo Training Co.', url: null },
      recipient: { displayName: '李学员 (Candidate)', nameShown: true, nameCheckUrl: `https://kubequiz.test/v1/certificates/${certificate.id}/name-check` },
      exam: { id: examId, title: 'Kubernetes Fundamentals' },
      issuedAt: certificate.issuedAt,
      validUntil: certificate.validUntil,
      revokedAt: null,
      revocationReason: null,
      checkedAt: t.clock.now().toISOString(),
    });
    expect(byId.body.checks.map((c: { check: string; passed: boolean }) => [c.check, c.passed])).toEqual([
      ['format', true],
      ['signature', true],
      ['issuer', true],
      ['dates', true],
      ['status', true],
    ]);

    const asJson = await t.http.post('/v1/verify').send({ credential: certificate.jwt }).expect(200);
    expect(asJson.body).toMatchObject({ valid: true, status: 'valid', credential: { id: certificate.credential.id } });
    const asText = await t.http.post('/v1/verify').set('content-type', 'text/plain').send(certificate.jwt).expect(200);
    expect(asText.body.status).toBe('valid');
    const asVcJwt = await t.http.post('/v1/verify').set('content-type', 'application/vc+jwt').send(certificate.jwt).expect(200);
    expect(asVcJwt.body.status).toBe('valid');

    const forged = await t.http.post('/v1/verify').send({ credential: tamper(certificate.jwt) }).expect(200);
    expect(forged.body).toMatchObject({ valid: false, status: 'invalid' });
    expect(forged.body.checks.find((c: { check: string }) => c.check === 'signature')).toMatchObject({ passed: false });
    expect(forged.body.credential).toBeUndefined();

    const garbage = await t.http.post('/v1/verify').send({ credential: 'not-a-jwt' }).expect(200);
    expect(garbage.body.checks).toEqual([{ check: 'format', passed: false, message: expect.any(String) }]);
    const missing = await t.http.post('/v1/verify').send({ jwt: certificate.jwt }).expect(422);
    expect(missing.body.errors).toEqual([{ path: 'credential', message: 'must be a VC-JWT string' }]);
  });

  it('answers unknown, not an error, for ids it does not know', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const response = await t.http.get(`/v1/certificates/${id}/verification`).expect(200);
      expect(response.body).toEqual({
        status: 'unknown',
        certificateId: null,
        issuer: null,
        recipient: null,
        exam: null,
        issuedAt: null,
        validUntil: null,
        revokedAt: null,
        revocationReason: null,
        checkedAt: t.clock.now().toISOString(),
        checks: [],
      });
    }
  });

  it('gives a failed attempt no certificate and refuses to issue one on request', async () => {
    const failed = await w.sit(examId, 1);
    expect(failed.passed).toBe(false);
    expect(await w.myCertificate(failed.attemptId)).toBeUndefined();
    const refused = await t.http.post(`/v1/attempts/${failed.attemptId}/certificate`).set('authorization', w.candidate).expect(409);
    expect(refused.body.type).toBe('urn:kubequiz:problem:certificate-not-earned');
  });

  it('returns the existing certificate on request, idempotently', async () => {
    const first = await t.http.post(`/v1/attempts/${passed.attemptId}/certificate`).set('authorization', w.candidate).set('idempotency-key', 'cert-issue-0001').expect(200);
    expect(first.body).toMatchObject({ id: certificate.id, jwt: certificate.jwt });
    const replay = await t.http.post(`/v1/attempts/${passed.attemptId}/certificate`).set('authorization', w.candidate).set('idempotency-key', 'cert-issue-0001').expect(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual(first.body);
    const staff = await t.http.post(`/v1/attempts/${passed.attemptId}/certificate`).set('authorization', w.examiner).expect(200);
    expect(staff.body.id).toBe(certificate.id);
  });

  it('renders a stable PDF with the Chinese name and the id, private while the candidate hides the name', async () => {
    const path = `/v1/certificates/${certificate.id}/pdf`;
    await t.http.get(path).expect(200);
    await t.http.patch(`/v1/me/certificates/${certificate.id}`).set('authorization', w.candidate).send({ showName: false }).expect(200);
    await t.http.get(path).expect(401);
    const outsiderCandidate = await t.http.get(path).set('authorization', w.author).expect(404);
    expect(outsiderCandidate.body.type).toBe('urn:kubequiz:problem:not-found');
    const pdf = await t.http.get(path).set('authorization', w.candidate).buffer(true).parse(binary).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const again = await t.http.get(path).set('authorization', w.examiner).buffer(true).parse(binary).expect(200);
    expect(Buffer.compare(pdf.body, again.body)).toBe(0);

    const file = join(mkdtempSync(join(tmpdir(), 'kq-cert-')), 'certificate.pdf');
    writeFileSync(file, pdf.body);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('李学员');
    expect(text).toContain(certificate.id);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+841\.89 x 595\.28 pts/);

    const shown = await t.http.patch(`/v1/me/certificates/${certificate.id}`).set('authorization', w.candidate).send({ showName: true }).expect(200);
    expect(shown.body.showName).toBe(true);
    const open = await t.http.get(path).buffer(true).parse(binary).expect(200);
    expect(Buffer.compare(open.body, pdf.body)).toBe(0);
    const verification = await t.http.get(`/v1/certificates/${certificate.id}/verification`).expect(200);
    expect(verification.body.recipient).toMatchObject({ displayName: '李学员 (Candidate)', nameShown: true });
    const download = await t.http.get(`/v1/certificates/${certificate.id}/credential`).expect(200);
    expect(download.headers['content-type']).toMatch(/^application\/vc\+jwt/);
    expect(download.text).toBe(certificate.jwt);
    const downloadJson = await t.http.get(`/v1/certificates/${certificate.id}/credential`).set('accept', 'application/json').expect(200);
    expect(downloadJson.body).toEqual(certificate.credential);
  });

  it('lists certificates for staff of the exam, filtered by status', async () => {
    const page = await t.http.get(`/v1/exams/${examId}/certificates`).set('authorization', w.examiner).expect(200);
    expect(page.body.items.map((c: { id: string }) => c.id)).toEqual([certificate.id]);
    expect(page.body.items[0].jwt).toBeUndefined();
    const revokedOnly = await t.http.get(`/v1/exams/${examId}/certificates?status=revoked`).set('authorization', w.examiner).expect(200);
    expect(revokedOnly.body.items).toEqual([]);
    await t.http.get(`/v1/exams/${examId}/certificates`).set('authorization', w.candidate).expect(403);
  });

  it('rotates the signing key and keeps what the old key signed verifiable', async () => {
    const oldKid = decodeProtectedHeader(certificate.jwt).kid;
    const rotated = await t.http.post(`/v1/organizations/${t.organizationId}/issuer-keys:rotate`).set('authorization', w.owner).expect(200);
    expect(rotated.body.retired.map((k: { kid: string }) => k.kid)).toContain(oldKid);
    expect(rotated.body.current.kid).not.toBe(oldKid);
    const published = (await t.http.get('/.well-known/jwks.json').expect(200)).body.keys.map((k: { kid: string }) => k.kid);
    expect(published).toEqual(expect.arrayContaining([oldKid, rotated.body.current.kid]));
    expect(JSON.stringify(published)).not.toContain('"d"');
    await t.http.post(`/v1/organizations/${t.organizationId}/issuer-keys:rotate`).set('authorization', w.examiner).expect(403);

    const old = await t.http.post('/v1/verify').send({ credential: certificate.jwt }).expect(200);
    expect(old.body.status).toBe('valid');
    const next = await w.sit(examId, 3);
    const fresh = (await w.myCertificate(next.attemptId))!;
    expect(decodeProtectedHeader(fresh.jwt as string).kid).toBe(rotated.body.current.kid);
    await jwtVerify(fresh.jwt as string, await jwks(), { currentDate: t.clock.now() });
  });

  it('starts a new status list when the current one is full', async () => {
    // STATUS_LIST_CAPACITY is 3 in this suite; two certificates exist already.
    const urls = new Set<string>();
    for (let i = 0; i < 2; i += 1) {
      const sat = await w.sit(examId, 4);
      urls.add(((await w.myCertificate(sat.attemptId))!.credential as any).credentialStatus.statusListCredential);
    }
    expect(urls.size).toBe(2);
    expect(urls.has(certificate.credential.credentialStatus.statusListCredential)).toBe(true);
  });

  it('revokes: both verification routes and the status list say so', async () => {
    await t.http.post(`/v1/certificates/${certificate.id}/revoke`).set('authorization', w.candidate).send({ reason: 'nope' }).expect(403);
    await t.http.post(`/v1/certificates/${certificate.id}/revoke`).set('authorization', w.examiner).send({}).expect(422);
    const revoked = await t.http.post(`/v1/certificates/${certificate.id}/revoke`).set('authorization', w.examiner).send({ reason: 'Misconduct found on review' }).expect(200);
    expect(revoked.body).toMatchObject({ status: 'revoked', revocationReason: 'Misconduct found on review', revokedAt: t.clock.now().toISOString() });
    const twice = await t.http.post(`/v1/certificates/${certificate.id}/revoke`).set('authorization', w.owner).send({ reason: 'again' }).expect(200);
    expect(twice.body.revocationReason).toBe('Misconduct found on review');

    const byId = await t.http.get(`/v1/certificates/${certificate.id}/verification`).expect(200);
    expect(byId.body).toMatchObject({ status: 'revoked', revokedAt: revoked.body.revokedAt, revocationReason: 'Misconduct found on review' });
    const byJwt = await t.http.post('/v1/verify').send({ credential: certificate.jwt }).expect(200);
    expect(byJwt.body).toMatchObject({ valid: false, status: 'revoked' });
    expect(byJwt.body.checks.find((c: { check: string }) => c.check === 'status')).toMatchObject({ passed: false, message: expect.stringMatching(/^revoked/) });

    const list = await t.http.get(pathOf(certificate.credential.credentialStatus.statusListCredential)).set('accept', 'application/json').expect(200);
    const bits = StatusBitstring.decode(list.body.credential.credentialSubject.encodedList);
    expect(bits.get(Number(certificate.credential.credentialStatus.statusListIndex))).toBe(true);
    const staffList = await t.http.get(`/v1/exams/${examId}/certificates?status=revoked`).set('authorization', w.examiner).expect(200);
    expect(staffList.body.items.map((c: { id: string }) => c.id)).toEqual([certificate.id]);
  });

  it('expires after validUntil by the server clock', async () => {
    const next = await w.sit(examId, 4);
    const fresh = (await w.myCertificate(next.attemptId))!;
    t.clock.set(new Date(Date.parse(fresh.validUntil as string) + 1000));
    const byId = await t.http.get(`/v1/certificates/${fresh.id}/verification`).expect(200);
    expect(byId.body).toMatchObject({ status: 'expired', validUntil: fresh.validUntil });
    expect(byId.body.checks.find((c: { check: string }) => c.check === 'dates')).toMatchObject({ passed: false, message: expect.stringMatching(/^expired on/) });
    const byJwt = await t.http.post('/v1/verify').send({ credential: fresh.jwt }).expect(200);
    expect(byJwt.body).toMatchObject({ valid: false, status: 'expired' });
    // Revoked stays revoked after it would have expired.
    const revoked = await t.http.get(`/v1/certificates/${certificate.id}/verification`).expect(200);
    expect(revoked.body.status).toBe('revoked');
    expect((await w.myCertificate(next.attemptId))!.status).toBe('expired');
  });
});
