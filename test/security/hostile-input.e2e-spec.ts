import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { newCourse } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const PROBLEM = /^application\/problem\+json/;

/** A client error, told as problem+json: the one shape every refusal must have. */
function expectClientProblem(response: Response, status: number, type?: string): void {
  expect({ status: response.status, contentType: response.headers['content-type'] }).toEqual({
    status,
    contentType: expect.stringMatching(PROBLEM),
  });
  if (type) expect(response.body.type).toBe(`urn:kubequiz:problem:${type}`);
}

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('hostile tenant: client input', () => {
  let t: TestApp;
  let author: string;
  let owner: string;
  let candidate: string;
  let courseId: string;
  let documentId: string;

  beforeAll(async () => {
    t = await createTestApp();
    author = `Bearer ${await t.login('author')}`;
    owner = `Bearer ${await t.login('owner')}`;
    candidate = `Bearer ${await t.login('candidate')}`;
    courseId = await newCourse(t, author, ['1', '1.1']);
    const documents = await t.http.get(`/v1/courses/${courseId}/documents`).set('authorization', author).expect(200);
    documentId = documents.body.items[0].id;
  });
  afterAll(() => t.close());

  describe('JSON nesting', () => {
    it('refuses a body nested 2,500 deep with 400 before validation sees it', async () => {
      const body = `{"courseId":"${courseId}","content":${nested(2500)}}`;
      const response = await t.http.post('/v1/questions').set('authorization', author).set('content-type', 'application/json').send(body);
      expectClientProblem(response, 400, 'json-too-deep');
    });

    it('refuses it without a token too, on the public refresh endpoint', async () => {
      const response = await t.http.post('/v1/auth/refresh').set('content-type', 'application/json').send(`{"refreshToken":${nested(2500)}}`);
      expectClientProblem(response, 400, 'json-too-deep');
    });

    it('still accepts ordinary nesting', async () => {
      const response = await t.http.post('/v1/auth/refresh').set('content-type', 'application/json').send('{"refreshToken":[[["x"]]]}');
      expectClientProblem(response, 422, 'validation-failed');
    });
  });

  describe('characters PostgreSQL or the URI encoder cannot take', () => {
    it('refuses a lone surrogate in an email with 422 naming the field', async () => {
      const response = await t.http
        .post('/v1/auth/login')
        .set('content-type', 'application/json')
        .send('{"email":"\\ud800owner@demo.kubequiz.local","password":"owner-password-123"}');
      expectClientProblem(response, 422, 'validation-failed');
      expect(response.body.errors).toEqual([expect.objectContaining({ path: 'email' })]);
    });

    it('refuses a NUL byte in a name with 422', async () => {
      const course = await t.http
        .post('/v1/courses')
        .set('authorization', author)
        .send({ slug: 'nul-title', title: { en: 'Kuber\u0000netes' } });
      expectClientProblem(course, 422, 'validation-failed');
      expect(course.body.errors).toEqual([expect.objectContaining({ path: 'title.en' })]);
      const person = await t.http
        .put(`/v1/organizations/${t.organizationId}/candidates/lms-nul`)
        .set('authorization', owner)
        .send({ email: 'nul@learner.example', displayName: 'Wang\u0000Fang' });
      expectClientProblem(person, 422, 'validation-failed');
    });

    it('refuses a NUL byte in a GIFT import with 422', async () => {
      const response = await t.http
        .post(`/v1/courses/${courseId}/question-bank/import`)
        .set('authorization', author)
        .set('content-type', 'text/plain')
        .send('::etcd role:: Which component stores\u0000 cluster state? {=etcd ~kube\u0000let ~kube-proxy}');
      expectClientProblem(response, 422);
    });

    it('refuses a NUL byte in a query string or a path parameter with 422, before any pipe reads it', async () => {
      const query = await t.http.get(`/v1/questions?courseId=${courseId}&section=1%00`).set('authorization', author);
      expectClientProblem(query, 422, 'validation-failed');
      expect(query.body.errors).toEqual([{ path: 'section', message: 'section must not contain a NUL character' }]);
      const path = await t.http
        .put(`/v1/organizations/${t.organizationId}/candidates/lms%00x`)
        .set('authorization', owner)
        .send({ email: 'x@learner.example', displayName: 'X' });
      expectClientProblem(path, 422, 'validation-failed');
      expect(path.body.errors).toEqual([{ path: 'externalId', message: 'externalId must not contain a NUL character' }]);
    });
  });

  it('refuses a forged page cursor whose id or sort value PostgreSQL could not read, with 422', async () => {
    const forged = (sort: string, id: string) => Buffer.from(JSON.stringify([sort, id])).toString('base64url');
    const badId = await t.http.get(`/v1/courses?cursor=${forged('fuzz', 'not-a-uuid')}`).set('authorization', author);
    expectClientProblem(badId, 422, 'validation-failed');
    const badDate = await t.http.get(`/v1/exams?cursor=${forged('yesterday', randomUUID())}`).set('authorization', owner);
    expectClientProblem(badDate, 422, 'validation-failed');
    const badVersion = await t.http.get(`/v1/documents/${documentId}/versions?cursor=${forged('1e308', randomUUID())}`).set('authorization', author);
    expectClientProblem(badVersion, 422, 'validation-failed');
  });

  it('answers PUT /v1/attempts/{id}/answers/abc with 404: the position pipe sees the raw text', async () => {
    const response = await t.http
      .put(`/v1/attempts/${randomUUID()}/answers/abc`)
      .set('authorization', candidate)
      .send({ response: { type: 'single-choice', selected: 'a' } });
    expectClientProblem(response, 404, 'not-found');
  });

  it('refuses {"version":1e308} on generate with 422', async () => {
    const response = await t.http
      .post(`/v1/documents/${documentId}/question-bank:generate`)
      .set('authorization', author)
      .set('content-type', 'application/json')
      .send('{"version":1e308}');
    expectClientProblem(response, 422, 'validation-failed');
    expect(response.body.errors).toEqual([expect.objectContaining({ path: 'version' })]);
  });

  it('answers a multipart body whose boundary does not match its header with 400', async () => {
    const body = ['--other', 'Content-Disposition: form-data; name="file"; filename="a.md"', '', '# 1 A', '--other--', ''].join('\r\n');
    const response = await t.http
      .post(`/v1/courses/${courseId}/documents`)
      .set('authorization', author)
      .set('content-type', 'multipart/form-data; boundary=expected')
      .send(body);
    expectClientProblem(response, 400);
  });

  it('answers a multipart body cut off in the middle with 400', async () => {
    const body = ['--b', 'Content-Disposition: form-data; name="title"', '', 'T', '--b', 'Content-Disposition: form-data; name="file"; filename="a.md"', '', '# 1 A'].join('\r\n');
    const response = await t.http
      .post(`/v1/courses/${courseId}/documents`)
      .set('authorization', author)
      .set('content-type', 'multipart/form-data; boundary=b')
      .send(body);
    expectClientProblem(response, 400);
  });

  it('answers an overlong path parameter as problem+json: a 150-character id is unknown, a 1,000-character one is 414', async () => {
    const longish = await t.http.get(`/v1/organizations/${'a'.repeat(150)}`).set('authorization', owner);
    expectClientProblem(longish, 404, 'not-found');
    const huge = await t.http.get(`/v1/organizations/${'a'.repeat(1000)}`).set('authorization', owner);
    expectClientProblem(huge, 414, 'uri-too-long');
  });

  it('answers a path the router cannot decode (bad percent escape, invalid UTF-8) with 400 as problem+json', async () => {
    for (const raw of ['%zz', '%FF%FE', '%ED%A0%80']) {
      const response = await t.http.get(`/v1/organizations/${raw}`).set('authorization', owner);
      expectClientProblem(response, 400, 'bad-request');
    }
  });

  it('accepts a 128-character external id, the longest the API documents', async () => {
    const response = await t.http
      .put(`/v1/organizations/${t.organizationId}/candidates/${'x'.repeat(128)}`)
      .set('authorization', owner)
      .send({ email: 'long-id@learner.example', displayName: 'Long Id' });
    expect(response.status).toBe(201);
  });
});
