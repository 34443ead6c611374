import { readFileSync } from 'node:fs';
import { createTestApp, type TestApp } from '../support/test-app.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/documents/${name}`, import.meta.url));

describe('courses and documents', () => {
  let t: TestApp;
  let author: string;
  let courseId: string;

  beforeAll(async () => {
    t = await createTestApp({ DOCUMENT_MAX_BYTES: '65536' });
    author = `Bearer ${await t.login('author')}`;
    const course = await t.http
      .post('/v1/courses')
      .set('authorization', author)
      .send({ slug: 'k8s-basics', title: { zh: 'Kubernetes 基础', en: 'Kubernetes basics' } })
      .expect(201);
    courseId = course.body.id;
  });
  afterAll(() => t.close());

  const createDocument = (body: object) =>
    t.http.post(`/v1/courses/${courseId}/documents`).set('authorization', author).send(body);

  it('creates a document from Markdown and serves its section tree and sections', async () => {
    const text = fixture('markdown-front-matter.md').toString('utf8');
    const created = await createDocument({ title: 'Markdown', text }).expect(201);
    expect(created.body).toMatchObject({ courseId, latestVersion: 1, version: { version: 1, format: 'markdown', created: true } });
    const tree = await t.http.get(`/v1/documents/${created.body.id}/sections`).set('authorization', author).expect(200);
    expect(tree.body.version).toBe(1);
    expect(tree.body.sections.length).toBeGreaterThan(0);
    const first = tree.body.sections[0];
    const section = await t.http.get(`/v1/documents/${created.body.id}/sections/${first.key}`).set('authorization', author).expect(200);
    expect(section.body).toMatchObject({ key: first.key, title: first.title, version: 1 });
    expect(section.body.childKeys).toEqual(first.children.map((c: { key: string }) => c.key));
    expect(section.body.text).not.toContain('---');
  });

  it('parses a flattened one-line Chinese article into sections without the TOC or boilerplate', async () => {
    const created = await createDocument({ title: '扁平', text: fixture('flattened-zh-one-line.txt').toString('utf8') }).expect(201);
    expect(created.body.language).toBe('zh');
    const tree = await t.http.get(`/v1/documents/${created.body.id}/sections`).set('authorization', author).expect(200);
    const keys: string[] = [];
    const walk = (nodes: Array<{ key: string; children: [] }>) => nodes.forEach((n) => (keys.push(n.key), walk(n.children)));
    walk(tree.body.sections);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys[0]).toBe('1');
  });

  it('stores a new version only when the content changes', async () => {
    const created = await createDocument({ title: 'Versions', text: '# 1 Pods\n\nA Pod is the smallest unit.\n' }).expect(201);
    const path = `/v1/documents/${created.body.id}/versions`;
    const same = await t.http.post(path).set('authorization', author).send({ text: '# 1 Pods\n\nA Pod is the smallest unit.\n' }).expect(200);
    expect(same.body).toMatchObject({ version: 1, created: false });
    const changed = await t.http.post(path).set('authorization', author).send({ text: '# 1 Pods\n\nA Pod groups containers.\n' }).expect(201);
    expect(changed.body).toMatchObject({ version: 2, created: true });
    const versions = await t.http.get(`${path}?limit=1`).set('authorization', author).expect(200);
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([2]);
    const older = await t.http.get(`${path}?limit=1&cursor=${versions.body.nextCursor}`).set('authorization', author).expect(200);
    expect(older.body.items.map((v: { version: number }) => v.version)).toEqual([1]);
    const v1 = await t.http.get(`/v1/documents/${created.body.id}/sections/1?version=1`).set('authorization', author).expect(200);
    expect(v1.body.text).toContain('smallest unit');
  });

  it('accepts multipart uploads', async () => {
    const created = await t.http
      .post(`/v1/courses/${courseId}/documents`)
      .set('authorization', author)
      .field('title', 'Uploaded')
      .field('language', 'en')
      .attach('file', fixture('english-numbered.txt'), 'english.txt')
      .expect(201);
    expect(created.body).toMatchObject({ title: 'Uploaded', language: 'en', version: { format: 'text' } });
  });

  it.each([
    ['empty', 'empty.txt', 422, 'EMPTY'],
    ['binary', 'binary.png', 422, 'BINARY'],
    ['not UTF-8', 'latin1.txt', 422, 'NOT_UTF8'],
  ])('refuses %s files with a clear problem', async (_name, file, status, reason) => {
    const response = await t.http
      .post(`/v1/courses/${courseId}/documents`)
      .set('authorization', author)
      .field('title', 'bad')
      .attach('file', fixture(file), file)
      .expect(status);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
    expect(response.body.reason).toBe(reason);
  });

  it('refuses oversize documents with 413, as JSON and as a file', async () => {
    const big = `# 1 Big\n\n${'Kubernetes schedules pods. '.repeat(4000)}`;
    await createDocument({ title: 'big', text: big }).expect(413);
    await t.http
      .post(`/v1/courses/${courseId}/documents`)
      .set('authorization', author)
      .field('title', 'big')
      .attach('file', Buffer.from(big), 'big.md')
      .expect(413);
  });

  it('validates fields and refuses empty text and candidates', async () => {
    const missing = await createDocument({ text: '# 1 A\n\nB' }).expect(422);
    expect(new Set(missing.body.errors.map((e: { path: string }) => e.path))).toEqual(new Set(['title']));
    await createDocument({ title: 'x', text: '   ' }).expect(422);
    await createDocument({ title: 'x', text: 'abc', language: 'fr' }).expect(422);
    const candidate = `Bearer ${await t.login('candidate')}`;
    await t.http.post(`/v1/courses/${courseId}/documents`).set('authorization', candidate).send({ title: 'x', text: 'y' }).expect(403);
    await t.http.get(`/v1/documents/${courseId}/sections/not-a-key`).set('authorization', author).expect(404);
  });

  it('lets every organisation read platform courses, and only platform admins change them', async () => {
    const admin = `Bearer ${await t.login('admin')}`;
    const platform = await t.http
      .post('/v1/courses')
      .set('authorization', admin)
      .send({ slug: 'platform-course', title: { en: 'Platform' }, platform: true })
      .expect(201);
    expect(platform.body.organizationId).toBeNull();
    await t.http.post(`/v1/courses/${platform.body.id}/documents`).set('authorization', admin).send({ title: 'P', text: '# 1 A\n\nText.' }).expect(201);
    const listed = await t.http.get('/v1/courses?limit=100').set('authorization', author).expect(200);
    expect(listed.body.items.map((c: { slug: string }) => c.slug)).toEqual(expect.arrayContaining(['k8s-basics', 'platform-course']));
    await t.http.post(`/v1/courses/${platform.body.id}/documents`).set('authorization', author).send({ title: 'x', text: '# 1 A\n\nB.' }).expect(403);
    await t.http.post('/v1/courses').set('authorization', author).send({ slug: 'sneaky', title: { en: 'x' }, platform: true }).expect(403);
  });

  it('hides another organisation’s courses and documents (404)', async () => {
    const admin = `Bearer ${await t.login('admin')}`;
    const rival = await t.http.post('/v1/organizations').set('authorization', admin).send({ slug: 'rival-docs', name: 'Rival' }).expect(201);
    const invitation = await t.http.post(`/v1/organizations/${rival.body.id}/invitations`).set('authorization', admin).send({ email: 'author@rival-docs.example', roles: ['author'] }).expect(201);
    await t.http.post('/v1/invitations/accept').send({ token: invitation.body.token, displayName: 'R', password: 'rival-docs-pass' }).expect(200);
    const outsider = `Bearer ${(await t.http.post('/v1/auth/login').send({ email: 'author@rival-docs.example', password: 'rival-docs-pass' })).body.accessToken}`;
    const document = await createDocument({ title: 'Secret', text: '# 1 Secret\n\nInternal.' }).expect(201);
    for (const path of [
      `/v1/courses/${courseId}`,
      `/v1/courses/${courseId}/documents`,
      `/v1/documents/${document.body.id}`,
      `/v1/documents/${document.body.id}/versions`,
      `/v1/documents/${document.body.id}/sections`,
      `/v1/documents/${document.body.id}/sections/1`,
    ]) {
      const response = await t.http.get(path).set('authorization', outsider);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
    }
    await t.http.post(`/v1/documents/${document.body.id}/versions`).set('authorization', outsider).send({ text: 'x' }).expect(404);
    await t.http.post(`/v1/courses/${courseId}/documents`).set('authorization', outsider).send({ title: 'x', text: 'y' }).expect(404);
  });
});
