import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { newApprovedQuestions, newCourse } from '../support/factories.js';
import { rawRequest } from '../support/raw-request.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Issue 16, mobile: compressed bodies, Content-Language, and a quiz list that pages. */
describe('mobile transport: compression, Content-Language, quiz list pages', () => {
  let t: TestApp;
  let author: string;
  let candidate: string;
  let courseId: string;

  beforeAll(async () => {
    t = await createTestApp();
    author = `Bearer ${await t.login('author')}`;
    candidate = `Bearer ${await t.login('candidate')}`;
    courseId = await newCourse(t, author, ['3', '3.1', '3.2', '5', '5.1']);
    await newApprovedQuestions(t, author, courseId, { '3.1': 8, '3.2': 2, '5.1': 2 });
  });
  afterAll(() => t.close());

  /** The bytes as sent: supertest and fetch would decode them on the way. */
  const inject = (url: string, headers: Record<string, string> = {}, method: 'GET' | 'POST' = 'GET', payload?: object) =>
    rawRequest(t, method, url, { authorization: candidate, ...headers }, payload);

  it('sends gzip and brotli as Accept-Encoding asks, both decoding to the plain JSON', async () => {
    const url = `/v1/quizzes/${courseId}~3.1?seed=s1&lang=en`;
    const plain = await inject(url);
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(1024);

    const gzip = await inject(url, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers.vary).toMatch(/accept-encoding/i);
    expect(gzip.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(JSON.parse(gunzipSync(gzip.rawPayload).toString('utf8'))).toEqual(JSON.parse(plain.body));

    const br = await inject(url, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString('utf8'))).toEqual(JSON.parse(plain.body));

    const refused = await inject(url, { 'accept-encoding': 'compress, identity' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(refused.body)).toEqual(JSON.parse(plain.body));
  });

  it('leaves small answers alone and keeps ETag revalidation working under compression', async () => {
    const small = await inject('/v1/me', { 'accept-encoding': 'gzip, br' });
    expect(small.statusCode).toBe(200);
    expect(small.rawPayload.length).toBeLessThan(1024);
    expect(small.headers['content-encoding']).toBeUndefined();

    const url = `/v1/quizzes/${courseId}~3.1?seed=s2&lang=en`;
    const plain = await inject(url);
    const gzip = await inject(url, { 'accept-encoding': 'gzip' });
    expect(gzip.headers.etag).toBe(plain.headers.etag);
    const revalidated = await inject(url, { 'accept-encoding': 'gzip', 'if-none-match': String(gzip.headers.etag) });
    expect(revalidated.statusCode).toBe(304);
    expect(revalidated.rawPayload.length).toBe(0);
    expect(revalidated.headers['content-encoding']).toBeUndefined();
  });

  it('compresses problem+json without changing it, and streams exports compressed', async () => {
    // 40 answers dated in the future: a 422 whose errors[] is well over the threshold.
    const results = Array.from({ length: 40 }, (_, i) => ({
      clientId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      questionId: '00000000-0000-4000-8000-000000000000',
      response: { type: 'single-choice', choice: 'a' },
      answeredAt: new Date(t.clock.now().getTime() + 86_400_000).toISOString(),
    }));
    const problem = await inject('/v1/me/practice-results', { 'accept-encoding': 'gzip', 'content-type': 'application/json' }, 'POST', { results });
    expect(problem.statusCode).toBe(422);
    expect(problem.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(problem.headers['content-encoding']).toBe('gzip');
    const body = JSON.parse(gunzipSync(problem.rawPayload).toString('utf8'));
    expect(body).toMatchObject({ status: 422, type: 'urn:kubequiz:problem:validation-failed' });
    expect(body.errors).toHaveLength(40);

    const exportUrl = `/v1/courses/${courseId}/question-bank/export?format=moodle-xml`;
    const xml = await inject(exportUrl, { authorization: author });
    expect(xml.statusCode).toBe(200);
    const xmlGzip = await inject(exportUrl, { authorization: author, 'accept-encoding': 'gzip' });
    expect(xmlGzip.headers['content-encoding']).toBe('gzip');
    expect(xmlGzip.headers['content-disposition']).toBe(xml.headers['content-disposition']);
    expect(gunzipSync(xmlGzip.rawPayload).toString('utf8')).toBe(xml.body);

    const qti = await inject(`/v1/courses/${courseId}/question-bank/export?format=qti`, { authorization: author, 'accept-encoding': 'gzip, br' });
    expect(qti.statusCode).toBe(200);
    expect(qti.headers['content-type']).toMatch(/zip/);
    expect(qti.headers['content-encoding']).toBeUndefined();
    expect(qti.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('names the content language of quizzes, sections and lab tasks, never of errors', async () => {
    const quiz = await inject(`/v1/quizzes/${courseId}~3.1`, { 'accept-language': 'en-GB,en;q=0.9' });
    expect(quiz.headers['content-language']).toBe('en');
    expect(quiz.headers.vary).toMatch(/accept-language/i);

    const list = await inject(`/v1/courses/${courseId}/quizzes?lang=en`);
    expect(list.headers['content-language']).toBe('en');

    const lab = await inject('/v1/labs/deployment-basics', { 'accept-language': 'zh-CN' });
    expect(lab.statusCode).toBe(200);
    expect(lab.headers['content-language']).toBe('zh');
    expect(JSON.parse(lab.body).title).toMatch(/[\u4e00-\u9fff]/);
    const labs = await inject('/v1/labs?lang=en');
    expect(labs.headers['content-language']).toBe('en');

    const documentId = JSON.parse((await inject(`/v1/courses/${courseId}/documents`)).body).items[0].id as string;
    const section = await inject(`/v1/documents/${documentId}/sections/3.1`, { 'accept-language': 'zh' });
    expect(section.statusCode).toBe(200);
    // A document has one language of its own, whatever the caller asked for.
    expect(section.headers['content-language']).toBe('en');
    expect(JSON.parse(section.body).language).toBe('en');
    const tree = await inject(`/v1/documents/${documentId}/sections`);
    expect(tree.headers['content-language']).toBe('en');

    const questionId = JSON.parse(quiz.body).questions[0].questionId as string;
    const checked = await inject(`/v1/quizzes/${courseId}~3.1/check`, {}, 'POST', { language: 'en', answers: [{ questionId, response: { type: 'single-choice', choice: 'a' } }] });
    expect(checked.statusCode).toBe(200);
    expect(checked.headers['content-language']).toBe('en');

    const missing = await inject(`/v1/quizzes/${courseId}~9?lang=zh`);
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-language']).toBeUndefined();

    const docs = JSON.parse((await inject('/docs-json')).body);
    const parameters = docs.paths['/v1/courses/{courseId}/quizzes'].get.parameters as Array<{ name: string; in: string; required?: boolean }>;
    const languageHeaders = parameters.filter((p) => p.in === 'header' && p.name.toLowerCase() === 'accept-language');
    expect(languageHeaders).toEqual([expect.objectContaining({ name: 'Accept-Language', required: false })]);
    expect(parameters.map((p) => p.name)).toEqual(expect.arrayContaining(['limit', 'cursor', 'lang']));
  });

  it('pages the quiz list with limit and cursor, in section order', async () => {
    const all = await t.http.get(`/v1/courses/${courseId}/quizzes?lang=en`).set('authorization', candidate).expect(200);
    expect(all.body.items.map((q: { sectionKey: string }) => q.sectionKey)).toEqual(['3', '3.1', '3.2', '5', '5.1']);
    expect(all.body.nextCursor).toBeNull();

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Array<{ sectionKey: string }>; nextCursor: string | null } } = await t.http
        .get(`/v1/courses/${courseId}/quizzes`)
        .query({ lang: 'en', limit: 2, ...(cursor ? { cursor } : {}) })
        .set('authorization', candidate)
        .expect(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((q) => q.sectionKey));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['3', '3.1', '3.2', '5', '5.1']);

    const first = await t.http.get(`/v1/courses/${courseId}/quizzes?limit=5`).set('authorization', candidate).expect(200);
    expect(first.body.items).toHaveLength(5);
    await t.http.get(`/v1/courses/${courseId}/quizzes?limit=0`).set('authorization', candidate).expect(422);
    const forged = await t.http.get(`/v1/courses/${courseId}/quizzes?cursor=bm90LWEtY3Vyc29y`).set('authorization', candidate).expect(422);
    expect(forged.body.errors[0].path).toBe('cursor');

    const otherCourse = await newCourse(t, author, ['1', '1.1']);
    await newApprovedQuestions(t, author, otherCourse, { '1.1': 1 });
    const page = await t.http.get(`/v1/courses/${courseId}/quizzes?limit=1`).set('authorization', candidate).expect(200);
    await t.http.get(`/v1/courses/${otherCourse}/quizzes?cursor=${page.body.nextCursor}`).set('authorization', candidate).expect(422);
  });
});
