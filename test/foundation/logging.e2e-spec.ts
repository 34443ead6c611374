import { PassThrough } from 'node:stream';
import { createTestApp, demoEmail, type TestApp } from '../support/test-app.js';

describe('logging', () => {
  let t: TestApp;
  const lines: string[] = [];

  beforeAll(async () => {
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
    t = await createTestApp({ LOG_LEVEL: 'info' }, undefined, stream);
  });
  afterAll(() => t.close());

  it('writes JSON lines with the request id and never a password, token or key', async () => {
    const password = t.password('owner');
    const pair = await t.http.post('/v1/auth/login').set('x-request-id', 'log-check-1').send({ email: demoEmail('owner'), password }).expect(200);
    const key = (
      await t.http
        .post(`/v1/organizations/${t.organizationId}/api-keys`)
        .set('authorization', `Bearer ${pair.body.accessToken}`)
        .send({ name: 'log test', scopes: ['results:read'] })
        .expect(201)
    ).body.key as string;
    await t.http.get('/v1/me').set('x-api-key', key).set('x-request-id', 'log-check-2').expect(200);
    await t.http.post('/v1/auth/refresh').send({ refreshToken: pair.body.refreshToken }).expect(200);
    await new Promise((resolve) => setTimeout(resolve, 50));

    const parsed = lines.map((line) => JSON.parse(line) as { req?: { id?: string }; msg?: string });
    expect(parsed.some((entry) => entry.req?.id === 'log-check-1')).toBe(true);
    expect(parsed.some((entry) => entry.req?.id === 'log-check-2')).toBe(true);
    const everything = lines.join('\n');
    for (const secret of [password, pair.body.accessToken, pair.body.refreshToken, key]) {
      expect(everything).not.toContain(secret);
    }
  });
});
