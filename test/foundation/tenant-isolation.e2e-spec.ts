import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Every tenant-scoped route, called by an owner (and an API key) of another organisation:
 * the answer is 404, never the data and never 403 (which would confirm the id exists).
 */
describe('tenant isolation', () => {
  let t: TestApp;
  let outsiderToken: string;
  let outsiderKey: string;
  let victimUserId: string;
  let victimKeyId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await t.login('admin');
    const other = await t.http.post('/v1/organizations').set('authorization', `Bearer ${admin}`).send({ slug: 'rival', name: 'Rival Academy' }).expect(201);
    const invitation = await t.http
      .post(`/v1/organizations/${other.body.id}/invitations`)
      .set('authorization', `Bearer ${admin}`)
      .send({ email: 'owner@rival.example', roles: ['owner', 'author', 'examiner'] })
      .expect(201);
    await t.http.post('/v1/invitations/accept').send({ token: invitation.body.token, displayName: 'Rival', password: 'rival-password-1' }).expect(200);
    outsiderToken = (await t.http.post('/v1/auth/login').send({ email: 'owner@rival.example', password: 'rival-password-1' }).expect(200)).body.accessToken;
    outsiderKey = (
      await t.http
        .post(`/v1/organizations/${other.body.id}/api-keys`)
        .set('authorization', `Bearer ${outsiderToken}`)
        .send({ name: 'rival lms', scopes: ['candidates:write', 'candidates:token'] })
        .expect(201)
    ).body.key;

    const owner = await t.login('owner');
    victimUserId = (await t.http.get('/v1/me').set('authorization', `Bearer ${await t.login('author')}`)).body.userId;
    victimKeyId = (
      await t.http.post(`/v1/organizations/${t.organizationId}/api-keys`).set('authorization', `Bearer ${owner}`).send({ name: 'k', scopes: ['results:read'] }).expect(201)
    ).body.id;
    await t.http
      .put(`/v1/organizations/${t.organizationId}/candidates/lms-1`)
      .set('x-api-key', (await t.http.post(`/v1/organizations/${t.organizationId}/api-keys`).set('authorization', `Bearer ${owner}`).send({ name: 'lms', scopes: ['candidates:write'] })).body.key)
      .send({ email: 'c1@x.example', displayName: 'C1' })
      .expect(201);
  });
  afterAll(() => t.close());

  const routes = () => {
    const org = `/v1/organizations/${t.organizationId}`;
    return [
      ['GET', org, undefined],
      ['GET', `${org}/members`, undefined],
      ['PATCH', `${org}/members/${victimUserId}`, { roles: ['candidate'] }],
      ['DELETE', `${org}/members/${victimUserId}`, undefined],
      ['GET', `${org}/api-keys`, undefined],
      ['POST', `${org}/api-keys`, { name: 'x', scopes: ['results:read'] }],
      ['DELETE', `${org}/api-keys/${victimKeyId}`, undefined],
      ['POST', `${org}/invitations`, { email: 'spy@rival.example', roles: ['owner'] }],
      ['PUT', `${org}/candidates/lms-1`, { email: 'c1@x.example', displayName: 'hijacked' }],
    ] as const;
  };

  it('answers 404 to a person from another organisation on every tenant route', async () => {
    for (const [method, path, body] of routes()) {
      const call = t.http[method.toLowerCase() as 'get'](path).set('authorization', `Bearer ${outsiderToken}`);
      const response = await (body ? call.send(body) : call);
      expect({ method, path, status: response.status }).toEqual({ method, path, status: 404 });
    }
  });

  it('answers 404 to another organisation’s API key', async () => {
    const org = `/v1/organizations/${t.organizationId}`;
    await t.http.put(`${org}/candidates/lms-1`).set('x-api-key', outsiderKey).send({ email: 'c1@x.example', displayName: 'x' }).expect(404);
    await t.http.post(`${org}/candidates/lms-1/token`).set('x-api-key', outsiderKey).expect(404);
  });

  it('left the victim organisation untouched', async () => {
    const owner = await t.login('owner');
    const members = await t.http.get(`/v1/organizations/${t.organizationId}/members?limit=100`).set('authorization', `Bearer ${owner}`).expect(200);
    const author = members.body.items.find((m: { userId: string }) => m.userId === victimUserId);
    expect(author.roles).toEqual(['author']);
    expect(members.body.items.find((m: { externalId: string }) => m.externalId === 'lms-1').displayName).toBe('C1');
  });
});
