import { createTestApp, type TestApp } from '../support/test-app.js';

const BUDGET = 20;
const MINUTE = 60_000;

describe('public routes are rate limited per client address', () => {
  describe('behind a trusted proxy (TRUST_PROXY=true)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ PUBLIC_RATE_LIMIT_PER_MINUTE: String(BUDGET), TRUST_PROXY: 'true', SANDBOX_ENABLED: 'false' });
    });
    afterAll(() => t.close());

    const verifyFrom = (address: string) =>
      t.http.post('/v1/verify').set('x-forwarded-for', address).send({ credential: 'not.a.jwt' });

    it('lets honest volume through and says how much budget is left', async () => {
      for (let i = 1; i <= BUDGET - 5; i += 1) {
        const response = await verifyFrom('192.0.2.10');
        expect(response.status).toBe(200);
        expect(response.headers['ratelimit-limit']).toBe(String(BUDGET));
        expect(response.headers['ratelimit-remaining']).toBe(String(BUDGET - i));
        expect(Number(response.headers['ratelimit-reset'])).toBeGreaterThan(0);
        expect(Number(response.headers['ratelimit-reset'])).toBeLessThanOrEqual(60);
      }
    });

    it('answers 429 problem+json with Retry-After past the budget, on every public route', async () => {
      for (let i = 0; i < BUDGET; i += 1) await verifyFrom('203.0.113.7').expect(200);
      const refused = await verifyFrom('203.0.113.7').expect(429);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body).toMatchObject({ type: 'urn:kubequiz:problem:too-many-requests', status: 429 });
      const retryAfter = Number(refused.headers['retry-after']);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(refused.headers['ratelimit-remaining']).toBe('0');
      // The budget is per address, not per route: the other public routes refuse too.
      await t.http.get('/.well-known/jwks.json').set('x-forwarded-for', '203.0.113.7').expect(429);
      await t.http.post('/v1/auth/login').set('x-forwarded-for', '203.0.113.7').send({ email: 'a@b.example', password: 'x' }).expect(429);
    });

    it('leaves other addresses alone, and counts an IPv6 /64 as one client', async () => {
      await verifyFrom('198.51.100.9').expect(200);
      for (let i = 0; i < BUDGET; i += 1) await verifyFrom(`2001:db8:1:2::${(i + 1).toString(16)}`).expect(200);
      await verifyFrom('2001:db8:1:2:ffff:ffff:ffff:ffff').expect(429);
      await verifyFrom('2001:db8:1:3::1').expect(200);
    });

    it('never limits the health probes or authenticated routes', async () => {
      for (let i = 0; i < BUDGET + 5; i += 1) await verifyFrom('203.0.113.50');
      await verifyFrom('203.0.113.50').expect(429);
      await t.http.get('/health').set('x-forwarded-for', '203.0.113.50').expect(200);
      const token = await t.login('author');
      await t.http.get('/v1/me').set('x-forwarded-for', '203.0.113.50').set('authorization', `Bearer ${token}`).expect(200);
    });

    it('opens a fresh window when the clock moves on', async () => {
      for (let i = 0; i < BUDGET; i += 1) await verifyFrom('203.0.113.99').expect(200);
      await verifyFrom('203.0.113.99').expect(429);
      t.clock.advance(MINUTE - 1000);
      await verifyFrom('203.0.113.99').expect(429);
      t.clock.advance(1000);
      const again = await verifyFrom('203.0.113.99').expect(200);
      expect(again.headers['ratelimit-remaining']).toBe(String(BUDGET - 1));
    });
  });

  describe('without a trusted proxy (the default)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ PUBLIC_RATE_LIMIT_PER_MINUTE: String(BUDGET), SANDBOX_ENABLED: 'false', JOBS_ENABLED: 'false' });
    });
    afterAll(() => t.close());

    it('ignores X-Forwarded-For, so a client cannot mint fresh addresses', async () => {
      for (let i = 0; i < BUDGET; i += 1) {
        await t.http.post('/v1/verify').set('x-forwarded-for', `192.0.2.${i + 1}`).send({ credential: 'x' }).expect(200);
      }
      const refused = await t.http.post('/v1/verify').set('x-forwarded-for', '192.0.2.200').send({ credential: 'x' }).expect(429);
      expect(refused.body.type).toBe('urn:kubequiz:problem:too-many-requests');
    });
  });
});
