import { createTestApp, type TestApp } from '../support/test-app.js';

const PROBLEM = /application\/problem\+json/;

describe('errors are problem+json', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ BODY_LIMIT_BYTES: '4096' });
  });
  afterAll(() => t.close());

  it('answers an unknown route with 404', async () => {
    const response = await t.http.get('/v1/does-not-exist').expect(404);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    expect(response.body).toMatchObject({ type: 'urn:kubequiz:problem:not-found', status: 404, title: 'Not found' });
    expect(response.body.requestId).toBe(response.headers['x-request-id']);
  });

  it('answers malformed JSON with 400', async () => {
    const response = await t.http
      .post('/v1/auth/login')
      .set('content-type', 'application/json')
      .send('{"email": "a@b.c", "password": ')
      .expect(400);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    expect(response.body.type).toBe('urn:kubequiz:problem:malformed-json');
  });

  it('accepts an empty JSON body on a body-less POST but still refuses prototype poisoning', async () => {
    const pair = await t.http.post('/v1/auth/login').send({ email: 'owner@demo.kubequiz.local', password: t.password('owner') }).expect(200);
    await t.http.post('/v1/auth/logout').set('content-type', 'application/json').send('').expect(422);
    const poisoned = await t.http
      .post('/v1/auth/refresh')
      .set('content-type', 'application/json')
      .send('{"refreshToken":"x","__proto__":{"admin":true}}')
      .expect(400);
    expect(poisoned.body.type).toMatch(/problem:(malformed-json|bad-request)/);
    expect(pair.body.refreshToken).toBeDefined();
  });

  it('answers a wrong content type with 415', async () => {
    const response = await t.http.post('/v1/auth/login').set('content-type', 'application/xml').send('<login/>').expect(415);
    expect(response.body.type).toBe('urn:kubequiz:problem:unsupported-media-type');
  });

  it('answers a body over the limit with 413', async () => {
    const response = await t.http
      .post('/v1/auth/login')
      .send({ email: 'a@b.c', password: 'x'.repeat(10_000) })
      .expect(413);
    expect(response.body.type).toBe('urn:kubequiz:problem:payload-too-large');
  });

  it('answers invalid fields with 422 and one entry per field', async () => {
    const response = await t.http.post('/v1/auth/login').send({ email: 'not-an-email', extra: true }).expect(422);
    expect(response.body.type).toBe('urn:kubequiz:problem:validation-failed');
    const paths = response.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['email', 'password', 'extra']));
  });

  it('echoes a sane X-Request-Id and replaces an unsafe one', async () => {
    const kept = await t.http.get('/v1/me').set('x-request-id', 'trace-123').expect(401);
    expect(kept.body.requestId).toBe('trace-123');
    const replaced = await t.http.get('/v1/me').set('x-request-id', 'bad id with spaces').expect(401);
    expect(replaced.body.requestId).not.toBe('bad id with spaces');
    expect(replaced.body.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers a non-UUID path id with 404, not 500', async () => {
    const token = await t.login('owner');
    const response = await t.http.get('/v1/organizations/not-a-uuid').set('authorization', `Bearer ${token}`).expect(404);
    expect(response.body.detail).toContain('not a valid id');
  });

  it('answers an array body where an object is expected with 4xx', async () => {
    const response = await t.http.post('/v1/auth/login').send([1, 2, 3]);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.headers['content-type']).toMatch(PROBLEM);
  });

  it('never shows a stack trace', async () => {
    const response = await t.http.post('/v1/auth/refresh').send({ refreshToken: 'x'.repeat(50) }).expect(401);
    expect(JSON.stringify(response.body)).not.toMatch(/at .*\.(ts|js):\d+/);
  });
});
