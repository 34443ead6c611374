import type { TestApp } from './test-app.js';

const OPTION_TEXTS = ['kube-scheduler', 'kube-controller-manager', 'kubelet', 'etcd', 'kube-proxy'];

/** A course with one English document whose sections are the given keys. */
export async function newCourse(t: TestApp, author: string, keys: string[], slug = `course-${Math.random().toString(36).slice(2, 8)}`): Promise<string> {
  const courseId = (await t.http.post('/v1/courses').set('authorization', author).send({ slug, title: { en: slug } }).expect(201)).body.id as string;
  const text = keys.map((key) => `${'#'.repeat(key.split('.').length)} ${key} Section ${key}\n\nText of ${key}.\n`).join('\n');
  await t.http.post(`/v1/courses/${courseId}/documents`).set('authorization', author).send({ title: 'EN', language: 'en', text }).expect(201);
  return courseId;
}

/**
 * Approved single-choice questions: `count` per section key, the right option always `a`
 * (`difficulty` cycles easy, medium, hard). Returns their ids per section.
 */
export async function newApprovedQuestions(
  t: TestApp,
  author: string,
  courseId: string,
  perSection: Record<string, number>,
): Promise<Record<string, string[]>> {
  const ids: Record<string, string[]> = {};
  const difficulties = ['easy', 'medium', 'hard'];
  for (const [sectionKey, count] of Object.entries(perSection)) {
    ids[sectionKey] = [];
    for (let i = 0; i < count; i += 1) {
      const created = await t.http
        .post('/v1/questions')
        .set('authorization', author)
        .send({
          courseId,
          language: 'en',
          sectionKeys: [sectionKey],
          difficulty: difficulties[i % 3],
          content: {
            type: 'single-choice',
            stem: `Question ${i + 1} about section ${sectionKey}?`,
            options: OPTION_TEXTS.slice(0, 4).map((text, j) => ({ id: 'abcd'[j]!, text: `${text} ${sectionKey}.${i}` })),
          },
          answerKey: { type: 'single-choice', correct: 'a' },
          explanation: `Because of ${sectionKey}.`,
        })
        .expect(201);
      ids[sectionKey]!.push(created.body.id);
    }
  }
  await t.http.post('/v1/questions/bulk-approve').set('authorization', author).send({ ids: Object.values(ids).flat() }).expect(200);
  return ids;
}
