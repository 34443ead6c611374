import { parseGift } from '../../src/question-bank/interchange/index.js';
import { CourseSeeder } from '../../src/seeding/course-seeder.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('question bank export and import', () => {
  let t: TestApp;
  let courseId: string;
  let author: string;

  beforeAll(async () => {
    t = await createTestApp();
    courseId = (await t.app.get(CourseSeeder).seed()).courseId;
    author = `Bearer ${await t.login('author')}`;
  });
  afterAll(() => t.close());

  it('round-trips the whole shipped bank through GIFT export and our GIFT import unchanged', async () => {
    const exported = await t.http.get(`/v1/courses/${courseId}/question-bank/export?format=gift`).set('authorization', author).expect(200);
    expect(exported.headers['content-type']).toMatch(/^text\/plain/);
    expect(exported.headers['content-disposition']).toContain('kubernetes-fundamentals.gift.txt');
    const stored: Array<{ id: string; content: object; answerKey: object; explanation: string; sectionKeys: string[] }> = [];
    for (let cursor: string | null = ''; cursor !== null; ) {
      const page: { body: { items: typeof stored; nextCursor: string | null } } = await t.http.get(`/v1/questions?courseId=${courseId}&status=approved&limit=100${cursor ? `&cursor=${cursor}` : ''}`).set('authorization', author).expect(200);
      stored.push(...page.body.items);
      cursor = page.body.nextCursor;
    }
    const parsed = parseGift(exported.text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.questions).toHaveLength(stored.length);
    expect(stored.length).toBeGreaterThanOrEqual(224);
    // Every question comes back as it was stored: content, key and explanation.
    const byId = new Map(parsed.questions.map((q) => [q.id, q]));
    for (const question of stored) {
      const back = byId.get(question.id)!;
      expect({ id: question.id, content: back.content, answerKey: back.answerKey, explanation: back.explanation, sectionKeys: back.sectionKeys }).toEqual({
        id: question.id,
        content: question.content,
        answerKey: question.answerKey,
        explanation: question.explanation,
        sectionKeys: question.sectionKeys,
      });
    }

    const dryRun = await t.http.post(`/v1/courses/${courseId}/question-bank/import?dryRun=true`).set('authorization', `Bearer ${await t.login('admin')}`).set('content-type', 'text/plain').send(exported.text).expect(200);
    expect(dryRun.body).toMatchObject({ imported: parsed.questions.length, questionIds: [], errors: [], warnings: [] });
  });

  it('exports Moodle XML and a QTI zip for a section', async () => {
    const xml = await t.http.get(`/v1/courses/${courseId}/question-bank/export?format=moodle-xml&section=3.1&language=en`).set('authorization', author).expect(200);
    expect(xml.text).toMatch(/^<\?xml/);
    expect((xml.text.match(/<question type="(?!category)/g) ?? []).length).toBeGreaterThanOrEqual(4);
    const qti = await t.http.get(`/v1/courses/${courseId}/question-bank/export?format=qti&section=3`).set('authorization', author).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(qti.headers['content-type']).toBe('application/zip');
    expect((qti.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    await t.http.get(`/v1/courses/${courseId}/question-bank/export?format=docx`).set('authorization', author).expect(422);
  });

  it('imports GIFT into drafts of an organisation course, with an error per bad question', async () => {
    const own = (await t.http.post('/v1/courses').set('authorization', author).send({ slug: 'imported', title: { en: 'Imported' } }).expect(201)).body.id;
    const gift = [
      '::etcd:: Which component stores the cluster state? {=etcd ~kubelet ~kube-proxy ~kube-scheduler}',
      '',
      '::numeric:: How many master nodes? {#3}',
      '',
      '::tf:: A Pod can hold several containers. {T}',
    ].join('\n');
    const result = await t.http.post(`/v1/courses/${own}/question-bank/import`).set('authorization', author).set('content-type', 'text/plain').send(gift).expect(200);
    expect(result.body.imported).toBe(2);
    expect(result.body.errors).toEqual([expect.objectContaining({ line: 3 })]);
    const drafts = await t.http.get(`/v1/questions?courseId=${own}&origin=imported&status=draft`).set('authorization', author).expect(200);
    expect(drafts.body.items.map((q: { type: string }) => q.type).sort()).toEqual(['single-choice', 'true-false']);
    await t.http.post(`/v1/courses/${own}/question-bank/import`).set('authorization', author).send({ gift }).expect(415);
    await t.http.post(`/v1/courses/${courseId}/question-bank/import`).set('authorization', author).set('content-type', 'text/plain').send(gift).expect(403);
  });
});
