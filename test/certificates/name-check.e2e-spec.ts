import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { LONG_TTL, certificateWorld } from './certificate-fixtures.js';

const PER_ADDRESS = 6;
const PER_CERTIFICATE = 10;

/** The printed name: shown by default, hidden on request, and checkable without being revealed. */
describe('certificates: the printed name and the name check', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof certificateWorld>>;
  let shown: Record<string, any>;
  let hidden: Record<string, any>;
  let address = 0;
  /** A fresh client address per call unless one is given, so the per-address budget stays out of the way. */
  const check = (id: string, name: unknown, from = `198.51.100.${(address += 1) % 250}`) =>
    t.http.post(`/v1/certificates/${id}/name-check`).set('x-forwarded-for', from).send({ name });

  beforeAll(async () => {
    t = await createTestApp({
      JWT_ACCESS_TTL_SECONDS: LONG_TTL,
      TRUST_PROXY: 'true',
      NAME_CHECKS_PER_ADDRESS_PER_HOUR: String(PER_ADDRESS),
      NAME_CHECKS_PER_CERTIFICATE_PER_HOUR: String(PER_CERTIFICATE),
    });
    w = await certificateWorld(t);
    const examId = await w.publishedExam();
    shown = (await w.myCertificate((await w.sit(examId, 4)).attemptId))!;
    hidden = (await w.myCertificate((await w.sit(examId, 4)).attemptId))!;
    await t.http.patch(`/v1/me/certificates/${hidden.id}`).set('authorization', w.candidate).send({ showName: false }).expect(200);
  });
  afterAll(() => t.close());

  it('shows the printed name by default, in the JSON verification too', async () => {
    expect(shown.showName).toBe(true);
    const { body } = await t.http.get(`/v1/certificates/${shown.id}/verification`).expect(200);
    expect(body.recipient).toEqual({ displayName: '李学员 (Candidate)', nameShown: true, nameCheckUrl: `http://localhost:3000/v1/certificates/${shown.id}/name-check` });
    // Public by default: the PDF and the credential download without a token.
    await t.http.get(`/v1/certificates/${shown.id}/pdf`).expect(200);
    await t.http.get(`/v1/certificates/${shown.id}/credential`).expect(200);
  });

  it('hides the name, the PDF and the credential when the holder asks', async () => {
    const { body } = await t.http.get(`/v1/certificates/${hidden.id}/verification`).expect(200);
    expect(body.recipient).toEqual({ displayName: null, nameShown: false, nameCheckUrl: expect.stringMatching(/\/name-check$/) });
    expect(JSON.stringify(body)).not.toContain('李学员');
    await t.http.get(`/v1/certificates/${hidden.id}/pdf`).expect(401);
  });

  it('answers yes for the printed name in any spacing and case, no for anything else', async () => {
    for (const [name, matches] of [
      ['李学员 (Candidate)', true],
      ['  李学员\u3000(candidate)  ', true],
      ['李学员 (CANDIDATE)', true],
      ['李学员', false],
      ['王芳', false],
      ['李学员 (Candidate) ', true],
    ] as const) {
      const response = await check(hidden.id, name).expect(200);
      expect({ name, body: response.body }).toEqual({ name, body: { certificateId: hidden.id, matches, checkedAt: t.clock.now().toISOString() } });
      expect(response.headers['cache-control']).toBe('no-store');
    }
  });

  it('refuses what is not a name, and certificates it does not know', async () => {
    for (const name of ['', '   ', 42, 'x'.repeat(201)]) {
      const response = await check(shown.id, name).expect(422);
      expect(response.body.errors).toEqual([{ path: 'name', message: 'must be a name of 1 to 200 characters' }]);
    }
    await check('00000000-0000-4000-8000-000000000000', '王芳').expect(404);
    await check('not-a-uuid', '王芳').expect(404);
  });

  it('takes the page’s form body on this route only', async () => {
    const form = await t.http
      .post(`/v1/certificates/${hidden.id}/name-check`)
      .set('x-forwarded-for', '192.0.2.77')
      .set('accept', 'application/json')
      .type('form')
      .send({ name: '李学员 (Candidate)', lang: 'zh' })
      .expect(200);
    expect(form.body.matches).toBe(true);
    const elsewhere = await t.http.post('/v1/verify').type('form').send({ credential: hidden.jwt }).expect(415);
    expect(elsewhere.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('limits checks per client address, over all certificates', async () => {
    const from = '203.0.113.5';
    for (let i = 0; i < PER_ADDRESS; i += 1) await check(i % 2 ? shown.id : hidden.id, `guess ${i}`, from).expect(200);
    const refused = await check(shown.id, '李学员 (Candidate)', from).expect(429);
    expect(refused.body.type).toBe('urn:kubequiz:problem:too-many-requests');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    await check(shown.id, '李学员 (Candidate)', '203.0.113.6').expect(200);
    t.clock.advance(3_600_000);
    await check(shown.id, '李学员 (Candidate)', from).expect(200);
  });

  it('limits checks per certificate, over all addresses', async () => {
    t.clock.advance(3_600_000);
    for (let i = 0; i < PER_CERTIFICATE; i += 1) await check(hidden.id, `guess ${i}`).expect(200);
    await check(hidden.id, '李学员 (Candidate)').expect(429);
    // The page's form gets the page back, saying so, with the same status.
    const page = await t.http
      .post(`/v1/certificates/${hidden.id}/name-check`)
      .set('x-forwarded-for', '192.0.2.200')
      .set('accept', 'text/html')
      .type('form')
      .send({ name: '李学员 (Candidate)', lang: 'en' })
      .expect(429);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toMatch(/form-action 'self'/);
    expect(page.text).toContain('data-name-check="limited"');
    expect(page.text).not.toContain('data-name-check="yes"');
    await check(shown.id, '李学员 (Candidate)').expect(200);
  });

  it('stores a salted hash, not a second copy of the name', async () => {
    const [row] = await t.app.get(DataSource).query(`SELECT recipient_name_salt, recipient_name_hash FROM certificates WHERE id = $1`, [hidden.id]);
    expect(row.recipient_name_salt).toHaveLength(16);
    expect(row.recipient_name_hash).toHaveLength(32);
    expect(row.recipient_name_hash.toString('utf8')).not.toContain('李学员');
  });
});
