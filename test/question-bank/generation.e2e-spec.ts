import { readFileSync } from 'node:fs';
import { createTestApp, type TestApp } from '../support/test-app.js';

const shipped = (language: string) => readFileSync(new URL(`../../seeds/courses/kubernetes-fundamentals/${language}.md`, import.meta.url), 'utf8');

describe('question generation: generate → review → serve → check', () => {
  let t: TestApp;
  let author: string;
  let courseId: string;
  let documentId: string;

  beforeAll(async () => {
    t = await createTestApp();
    author = `Bearer ${await t.login('author')}`;
    courseId = (await t.http.post('/v1/courses').set('authorization', author).send({ slug: 'k8s-generated', title: { zh: 'K8s', en: 'K8s' } }).expect(201)).body.id;
    documentId = (await t.http.post(`/v1/courses/${courseId}/documents`).set('authorization', author).send({ title: 'EN', language: 'en', text: shipped('en') }).expect(201)).body.id;
  });
  afterAll(() => t.close());

  it('generates items for every section quiz as drafts with their source, deterministically', async () => {
    const result = await t.http.post(`/v1/documents/${documentId}/question-bank:generate`).set('authorization', author).send({ seed: 's1' }).expect(200);
    expect(result.body.perSection).toHaveLength(28);
    // A section's quiz includes its subsections' items; a sentence is asked at most twice in the bank.
    const perSection = result.body.perSection as Array<{ sectionKey: string; generated: number }>;
    for (const section of perSection) {
      const quiz = perSection.filter((p) => p.sectionKey === section.sectionKey || p.sectionKey.startsWith(`${section.sectionKey}.`)).reduce((n, p) => n + p.generated, 0);
      expect({ key: section.sectionKey, enough: quiz >= 2 }).toEqual({ key: section.sectionKey, enough: true });
    }
    expect(result.body.created).toBeGreaterThan(140);
    const again = await t.http.post(`/v1/documents/${documentId}/question-bank:generate`).set('authorization', author).send({ seed: 's1' }).expect(200);
    expect(again.body).toMatchObject({ created: 0, unchanged: result.body.created, markedStale: 0 });

    const drafts = await t.http.get(`/v1/questions?courseId=${courseId}&origin=generated&status=draft&section=3.1&limit=100`).set('authorization', author).expect(200);
    expect(drafts.body.items.length).toBeGreaterThanOrEqual(5);
    expect(drafts.body.items[0].source).toMatchObject({ documentId, documentVersion: 1, sectionKey: '3.1', rule: expect.any(String), sentence: expect.any(String) });
  });

  it('serves approved generated items in a quiz and checks answers against their keys', async () => {
    const drafts = await t.http.get(`/v1/questions?courseId=${courseId}&origin=generated&status=draft&section=2.2&limit=100`).set('authorization', author).expect(200);
    const ids = drafts.body.items.map((q: { id: string }) => q.id);
    await t.http.post('/v1/questions/bulk-approve').set('authorization', author).send({ ids }).expect(200);
    const candidate = `Bearer ${await t.login('candidate')}`;
    const quiz = await t.http.get(`/v1/quizzes/${courseId}~2.2?lang=en`).set('authorization', candidate).expect(200);
    expect(quiz.body.questions).toHaveLength(ids.length);
    // Answer every item with its key (authors can read keys) and expect full marks.
    const keys = new Map(drafts.body.items.map((q: { id: string; answerKey: Record<string, unknown> }) => [q.id, q.answerKey]));
    const answers = quiz.body.questions.map((q: { questionId: string }) => {
      const key = keys.get(q.questionId) as Record<string, unknown>;
      const response =
        key.type === 'single-choice' ? { type: key.type, choice: key.correct }
        : key.type === 'multiple-response' ? { type: key.type, choices: key.correct }
        : key.type === 'true-false' ? { type: key.type, value: key.correct }
        : key.type === 'cloze' ? { type: key.type, blanks: (key.accepted as string[][]).map((a) => a[0]) }
        : key.type === 'matching' ? { type: key.type, pairs: key.pairs }
        : { type: key.type, order: key.order };
      return { questionId: q.questionId, response };
    });
    const checked = await t.http.post(`/v1/quizzes/${courseId}~2.2/check`).set('authorization', candidate).send({ language: 'en', answers }).expect(200);
    expect(checked.body.percentage).toBe(100);
  });

  it('marks generated items stale when their source sentence leaves the document, keeping the rest', async () => {
    const approved = await t.http.get(`/v1/questions?courseId=${courseId}&origin=generated&status=approved&limit=100`).set('authorization', author).expect(200);
    const victim = approved.body.items[0];
    const text = shipped('en');
    const sentence: string = victim.source.sentence;
    const start = text.replace(/\s+/g, ' ').indexOf(sentence.replace(/\s+/g, ' ').slice(0, 30));
    expect(start).toBeGreaterThanOrEqual(0);
    // Remove the paragraph holding the sentence's first words.
    const changed = text.split('\n').filter((line) => !line.replace(/\s+/g, ' ').includes(sentence.replace(/\s+/g, ' ').slice(0, 30))).join('\n');
    await t.http.post(`/v1/documents/${documentId}/versions`).set('authorization', author).send({ text: changed }).expect(201);
    const regenerated = await t.http.post(`/v1/documents/${documentId}/question-bank:generate`).set('authorization', author).send({ seed: 's1' }).expect(200);
    expect(regenerated.body.version).toBe(2);
    expect(regenerated.body.markedStale).toBeGreaterThanOrEqual(1);
    const after = await t.http.get(`/v1/questions/${victim.id}`).set('authorization', author).expect(200);
    expect(after.body.status).toBe('stale');
    // Every other approved item keeps its status exactly when its source text survived.
    const flat = changed.replace(/\s+/g, '');
    let kept = 0;
    for (const question of approved.body.items) {
      const now = (await t.http.get(`/v1/questions/${question.id}`).set('authorization', author).expect(200)).body.status;
      const head = question.source.sentence.replace(/\s+/g, '').slice(0, 30);
      if (flat.includes(head)) {
        expect({ id: question.id, now }).toEqual({ id: question.id, now: 'approved' });
        kept += 1;
      }
    }
    expect(kept).toBeGreaterThanOrEqual(0);
  });

  it('refuses candidates and unknown documents', async () => {
    await t.http.post(`/v1/documents/${documentId}/question-bank:generate`).set('authorization', `Bearer ${await t.login('candidate')}`).send({}).expect(403);
    await t.http.post('/v1/documents/00000000-0000-4000-8000-000000000000/question-bank:generate').set('authorization', author).send({}).expect(404);
  });
});
