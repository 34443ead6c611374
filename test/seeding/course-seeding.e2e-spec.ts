import { CourseSeeder } from '../../src/seeding/course-seeder.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('shipped course seeding', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('loads the course in both languages with curated questions, and a second run changes nothing', async () => {
    const first = await t.app.get(CourseSeeder).seed();
    expect(first.documents.zh).toMatchObject({ version: 1, created: true });
    expect(first.documents.en).toMatchObject({ version: 1, created: true });
    expect(first.questions.inserted).toBeGreaterThanOrEqual(28 * 4 * 2);
    const second = await t.app.get(CourseSeeder).seed();
    expect(second.documents.zh).toMatchObject({ version: 1, created: false });
    expect(second.questions).toEqual({ inserted: 0, revised: 0, unchanged: first.questions.inserted });

    const candidate = `Bearer ${await t.login('candidate')}`;
    const zhTree = await t.http.get(`/v1/documents/${first.documents.zh!.documentId}/sections`).set('authorization', candidate).expect(200);
    const enTree = await t.http.get(`/v1/documents/${first.documents.en!.documentId}/sections`).set('authorization', candidate).expect(200);
    const keys = (nodes: Array<{ key: string; children: never[] }>): string[] => nodes.flatMap((n) => [n.key, ...keys(n.children)]);
    expect(keys(zhTree.body.sections)).toEqual(keys(enTree.body.sections));
    expect(keys(zhTree.body.sections)).toHaveLength(28);

    const quizzes = await t.http.get(`/v1/courses/${first.courseId}/quizzes?limit=100`).set('authorization', candidate).set('accept-language', 'zh-CN').expect(200);
    expect(quizzes.body.items).toHaveLength(28);
    expect(quizzes.body.nextCursor).toBeNull();
    expect(quizzes.body.items.every((q: { language: string; questionCount: number }) => q.language === 'zh' && q.questionCount >= 4)).toBe(true);
  });
});
