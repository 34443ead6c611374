import { DataSource } from 'typeorm';
import { createTestApp, demoEmail, type TestApp } from '../support/test-app.js';

describe('authentication', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '5', API_KEY_FAILURES_PER_MINUTE: '3' });
  });
  afterAll(() => t.close());

  const login = (key: string, password = t.password(key)) =>
    t.http.post('/v1/auth/login').send({ email: demoEmail(key), password });

  it('logs in and tells who the caller is', async () => {
    const { body } = await login('author').expect(200);
    expect(body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    const me = await t.http.get('/v1/me').set('authorization', `Bearer ${body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({
      kind: 'user',
      email: demoEmail('author'),
      organizationId: t.organizationId,
      roles: ['author'],
      isPlatformAdmin: false,
    });
    expect(me.body.memberships).toEqual([
      { organizationId: t.organizationId, organizationName: 'Demo Training Co.', roles: ['author'] },
    ]);
  });

  it('refuses a wrong password and an unknown email alike', async () => {
    const wrong = await login('examiner', 'not-the-password').expect(401);
    const unknown = await t.http.post('/v1/auth/login').send({ email: 'nobody@x.example', password: 'whatever' }).expect(401);
    expect(wrong.body.detail).toBe(unknown.body.detail);
  });

  it('expires access tokens by the clock', async () => {
    const { body } = await login('examiner').expect(200);
    t.clock.advance(901_000);
    const response = await t.http.get('/v1/me').set('authorization', `Bearer ${body.accessToken}`).expect(401);
    expect(response.body.type).toBe('urn:kubequiz:problem:invalid-token');
  });

  it('rotates refresh tokens and revokes the family when an old one is reused', async () => {
    const first = (await login('owner').expect(200)).body;
    const second = (await t.http.post('/v1/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)).body;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const reuse = await t.http.post('/v1/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
    expect(reuse.body.type).toBe('urn:kubequiz:problem:refresh-token-reused');
    // The legitimate holder's newer token died with the family.
    await t.http.post('/v1/auth/refresh').send({ refreshToken: second.refreshToken }).expect(401);
  });

  it('logs out by revoking the session', async () => {
    const pair = (await login('owner').expect(200)).body;
    await t.http.post('/v1/auth/logout').send({ refreshToken: pair.refreshToken }).expect(204);
    await t.http.post('/v1/auth/refresh').send({ refreshToken: pair.refreshToken }).expect(401);
  });

  it('rate limits failed logins, then lets the user in after the window', async () => {
    for (let i = 0; i < 5; i += 1) await login('candidate', 'wrong-password').expect(401);
    const limited = await login('candidate').expect(429);
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
    t.clock.advance(61_000);
    await login('candidate').expect(200);
  });

  describe('API keys', () => {
    let ownerToken: string;
    beforeAll(async () => {
      ownerToken = await t.login('owner');
    });

    const createKey = (scopes: string[]) =>
      t.http
        .post(`/v1/organizations/${t.organizationId}/api-keys`)
        .set('authorization', `Bearer ${ownerToken}`)
        .send({ name: 'LMS', scopes })
        .expect(201);

    it('shows a key once, stores only its hash, and tracks its use', async () => {
      const created = (await createKey(['candidates:write'])).body;
      expect(created.key).toMatch(/^kq_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
      const me = await t.http.get('/v1/me').set('x-api-key', created.key).expect(200);
      expect(me.body).toMatchObject({ kind: 'api-key', organizationId: t.organizationId, scopes: ['candidates:write'] });
      const list = await t.http
        .get(`/v1/organizations/${t.organizationId}/api-keys`)
        .set('authorization', `Bearer ${ownerToken}`)
        .expect(200);
      const listed = list.body.items.find((k: { id: string }) => k.id === created.id);
      expect(listed.key).toBeUndefined();
      expect(listed.lastUsedAt).not.toBeNull();
      const [row] = await t.app.get(DataSource).query('SELECT key_hash FROM api_keys WHERE id = $1', [created.id]);
      expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/);
      const secret = created.key.slice(created.prefix.length + 1);
      expect(secret).toHaveLength(43);
      expect(row.key_hash).not.toContain(secret);
    });

    it('provisions candidates and mints candidate tokens with the right scopes only', async () => {
      const key = (await createKey(['candidates:write', 'candidates:token'])).body.key as string;
      const path = `/v1/organizations/${t.organizationId}/candidates/lms-42`;
      const created = await t.http.put(path).set('x-api-key', key).send({ email: 'Wang.Fang@Learner.example', displayName: '王芳' }).expect(201);
      expect(created.body).toMatchObject({ externalId: 'lms-42', email: 'wang.fang@learner.example', created: true });
      const again = await t.http.put(path).set('x-api-key', key).send({ email: 'wang.fang@learner.example', displayName: '王芳芳' }).expect(200);
      expect(again.body).toMatchObject({ userId: created.body.userId, created: false, displayName: '王芳芳' });
      await t.http.put(path).set('x-api-key', key).send({ email: 'other@learner.example', displayName: 'x' }).expect(409);

      const minted = await t.http.post(`${path}/token`).set('x-api-key', key).expect(200);
      const me = await t.http.get('/v1/me').set('authorization', `Bearer ${minted.body.accessToken}`).expect(200);
      expect(me.body).toMatchObject({ userId: created.body.userId, roles: ['candidate'], displayName: '王芳芳' });

      const readOnly = (await createKey(['results:read'])).body.key as string;
      await t.http.put(path).set('x-api-key', readOnly).send({ email: 'wang.fang@learner.example', displayName: 'x' }).expect(403);
      // People cannot mint candidate tokens, not even owners.
      await t.http.post(`${path}/token`).set('authorization', `Bearer ${ownerToken}`).expect(403);
      await t.http.post(`/v1/organizations/${t.organizationId}/candidates/unknown-id/token`).set('x-api-key', key).expect(404);
    });

    it('refuses revoked keys', async () => {
      const created = (await createKey(['results:read'])).body;
      await t.http
        .delete(`/v1/organizations/${t.organizationId}/api-keys/${created.id}`)
        .set('authorization', `Bearer ${ownerToken}`)
        .expect(204);
      await t.http.get('/v1/me').set('x-api-key', created.key).expect(401);
    });

    it('rate limits key guessing per client, even for a correct key', async () => {
      const good = (await createKey(['results:read'])).body.key as string;
      t.clock.advance(61_000);
      for (let i = 0; i < 3; i += 1) {
        await t.http.get('/v1/me').set('x-api-key', `kq_000000000000_${'A'.repeat(43)}`).expect(401);
      }
      await t.http.get('/v1/me').set('x-api-key', 'garbage').expect(429);
      await t.http.get('/v1/me').set('x-api-key', good).expect(429);
      t.clock.advance(61_000);
      await t.http.get('/v1/me').set('x-api-key', good).expect(200);
    });
  });

  describe('invitations and roles', () => {
    it('invites a new author who signs in with the roles granted', async () => {
      const ownerToken = await t.login('owner');
      const invitation = await t.http
        .post(`/v1/organizations/${t.organizationId}/invitations`)
        .set('authorization', `Bearer ${ownerToken}`)
        .send({ email: 'zhang.min@acme.example', roles: ['author'] })
        .expect(201);
      await t.http.post('/v1/invitations/accept').send({ token: invitation.body.token, displayName: '张敏' }).expect(422);
      await t.http
        .post('/v1/invitations/accept')
        .send({ token: invitation.body.token, displayName: '张敏', password: 'a-long-password' })
        .expect(200);
      await t.http
        .post('/v1/invitations/accept')
        .send({ token: invitation.body.token, displayName: '张敏', password: 'a-long-password' })
        .expect(401);
      const pair = await t.http.post('/v1/auth/login').send({ email: 'zhang.min@acme.example', password: 'a-long-password' }).expect(200);
      const me = await t.http.get('/v1/me').set('authorization', `Bearer ${pair.body.accessToken}`).expect(200);
      expect(me.body.roles).toEqual(['author']);
    });

    it('keeps at least one owner and enforces roles on member management', async () => {
      const ownerToken = await t.login('owner');
      const authorToken = await t.login('author');
      const me = await t.http.get('/v1/me').set('authorization', `Bearer ${ownerToken}`).expect(200);
      const path = `/v1/organizations/${t.organizationId}/members/${me.body.userId}`;
      const refused = await t.http.patch(path).set('authorization', `Bearer ${ownerToken}`).send({ roles: ['author'] }).expect(409);
      expect(refused.body.detail).toContain('at least one owner');
      await t.http.patch(path).set('authorization', `Bearer ${authorToken}`).send({ roles: ['author'] }).expect(403);
      const members = await t.http
        .get(`/v1/organizations/${t.organizationId}/members?role=author&limit=1`)
        .set('authorization', `Bearer ${ownerToken}`)
        .expect(200);
      expect(members.body.items).toHaveLength(1);
      expect(members.body.nextCursor).toEqual(expect.any(String));
      const next = await t.http
        .get(`/v1/organizations/${t.organizationId}/members?role=author&limit=1&cursor=${members.body.nextCursor}`)
        .set('authorization', `Bearer ${ownerToken}`)
        .expect(200);
      expect(next.body.items[0].userId).not.toBe(members.body.items[0].userId);
    });

    it('lets only platform admins create organizations', async () => {
      const adminToken = await t.login('admin');
      const ownerToken = await t.login('owner');
      await t.http.post('/v1/organizations').set('authorization', `Bearer ${ownerToken}`).send({ slug: 'acme', name: 'ACME' }).expect(403);
      await t.http.post('/v1/organizations').set('authorization', `Bearer ${adminToken}`).send({ slug: 'acme', name: 'ACME' }).expect(201);
      await t.http.post('/v1/organizations').set('authorization', `Bearer ${adminToken}`).send({ slug: 'acme', name: 'ACME' }).expect(409);
      await t.http.post('/v1/organizations').set('authorization', `Bearer ${adminToken}`).send({ slug: 'Not A Slug', name: 'x' }).expect(422);
    });
  });
});
