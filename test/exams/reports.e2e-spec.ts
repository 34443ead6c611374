import { newApprovedQuestions, newCourse } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Four candidates answer a fixed 4-item exam (key "a" everywhere):
 *          q1  q2  q3  q4   total
 *   c1      a   a   a   a     4
 *   c2      a   a   a   b     3
 *   c3      a   b   c   b     1
 *   c4      b   b   c   d     0
 * Facility: q1 = 3/4 = 0.75, q2 = 2/4 = 0.5, q3 = 2/4 = 0.5, q4 = 1/4 = 0.25 (flagged low).
 * Distractors of q3: a chosen 2×, c 2×.
 */
describe('examiner reports: attempts, CSV, standings and item analysis', () => {
  let t: TestApp;
  let examiner: string;
  let examId: string;
  let questionIds: string[];
  const answers = [
    ['a', 'a', 'a', 'a'],
    ['a', 'a', 'a', 'b'],
    ['a', 'b', 'c', 'b'],
    ['b', 'b', 'c', 'd'],
  ];

  beforeAll(async () => {
    t = await createTestApp();
    const author = `Bearer ${await t.login('author')}`;
    examiner = `Bearer ${await t.login('examiner')}`;
    const courseId = await newCourse(t, author, ['4']);
    questionIds = (await newApprovedQuestions(t, author, courseId, { '4': 4 }))['4']!;
    examId = (
      await t.http
        .post('/v1/exams')
        .set('authorization', examiner)
        .send({ courseId, title: 'Report', language: 'en', fixedQuestionIds: questionIds, shuffleQuestions: false, shuffleOptions: false, passMark: 50, maxAttempts: 2, combine: 'average' })
        .expect(201)
    ).body.id;
    await t.http.post(`/v1/exams/${examId}/publish`).set('authorization', examiner).expect(200);
    const owner = `Bearer ${await t.login('owner')}`;
    const key = (await t.http.post(`/v1/organizations/${t.organizationId}/api-keys`).set('authorization', owner).send({ name: 'lms', scopes: ['candidates:write', 'candidates:token', 'enrollments:write', 'results:read'] }).expect(201)).body.key;
    for (const [n, row] of answers.entries()) {
      const externalId = `c${n + 1}`;
      await t.http.put(`/v1/organizations/${t.organizationId}/candidates/${externalId}`).set('x-api-key', key).send({ email: `${externalId}@x.example`, displayName: n === 0 ? '=HYPERLINK("x")' : `Candidate ${n + 1}` }).expect(201);
      await t.http.post(`/v1/exams/${examId}/enrollments`).set('x-api-key', key).send({ externalIds: [externalId] }).expect(200);
      const token = `Bearer ${(await t.http.post(`/v1/organizations/${t.organizationId}/candidates/${externalId}/token`).set('x-api-key', key).expect(200)).body.accessToken}`;
      const attempt = (await t.http.post(`/v1/exams/${examId}/attempts`).set('authorization', token).expect(201)).body;
      for (const [i, choice] of row.entries()) {
        await t.http.put(`/v1/attempts/${attempt.id}/answers/${i + 1}`).set('authorization', token).send({ response: { type: 'single-choice', choice }, version: 0 }).expect(200);
      }
      await t.http.post(`/v1/attempts/${attempt.id}/submit`).set('authorization', token).expect(200);
      if (n === 3) {
        // A retake does not count in item analysis (first attempts only) but does in standings.
        const retake = (await t.http.post(`/v1/exams/${examId}/attempts`).set('authorization', token).expect(201)).body;
        for (let i = 1; i <= 4; i += 1) await t.http.put(`/v1/attempts/${retake.id}/answers/${i}`).set('authorization', token).send({ response: { type: 'single-choice', choice: 'a' }, version: 0 }).expect(200);
        await t.http.post(`/v1/attempts/${retake.id}/submit`).set('authorization', token).expect(200);
      }
    }
  });
  afterAll(() => t.close());

  it('lists attempts with filters and pages', async () => {
    const all = await t.http.get(`/v1/exams/${examId}/attempts?limit=3`).set('authorization', examiner).expect(200);
    expect(all.body.items).toHaveLength(3);
    const rest = await t.http.get(`/v1/exams/${examId}/attempts?limit=3&cursor=${all.body.nextCursor}`).set('authorization', examiner).expect(200);
    expect(rest.body.items).toHaveLength(2);
    expect(rest.body.nextCursor).toBeNull();
    const failed = await t.http.get(`/v1/exams/${examId}/attempts?passed=false`).set('authorization', examiner).expect(200);
    expect(failed.body.items.map((a: { percentage: number }) => a.percentage).sort()).toEqual([0, 25]);
  });

  it('exports CSV with a header, one line per attempt and formulas defused', async () => {
    const csv = await t.http.get(`/v1/exams/${examId}/attempts?format=csv`).set('authorization', examiner).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('id,userId,externalId,displayName,attemptNumber,examVersion,status,startedAt,submittedAt,submittedBy,percentage,passed');
    expect(lines).toHaveLength(6);
    expect(csv.text).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('combines attempts per candidate by the exam policy', async () => {
    const standings = await t.http.get(`/v1/exams/${examId}/standings`).set('authorization', examiner).expect(200);
    const byAttempts = standings.body.map((s: { attempts: number; combinedPercentage: number }) => [s.attempts, s.combinedPercentage]).sort();
    // c4: first attempt 0 %, retake 100 % → average 50 %.
    expect(byAttempts).toEqual(expect.arrayContaining([[2, 50]]));
  });

  it('computes item statistics on first attempts', async () => {
    const analysis = await t.http.get(`/v1/exams/${examId}/item-analysis`).set('authorization', examiner).expect(200);
    expect(analysis.body.exam).toMatchObject({ candidates: 4, items: 4, mean: 2 });
    const byQuestion = new Map(analysis.body.items.map((i: { questionId: string }) => [i.questionId, i]));
    const facility = questionIds.map((id) => (byQuestion.get(id) as { facility: number }).facility);
    expect(facility).toEqual([0.75, 0.5, 0.5, 0.25]);
    expect((byQuestion.get(questionIds[3]!) as { flags: string[] }).flags).toContain('facility-low');
    const q3 = byQuestion.get(questionIds[2]!) as { options: Array<{ optionId: string; count: number; isKey: boolean }> };
    expect(q3.options).toEqual([
      { optionId: 'a', isKey: true, count: 2 },
      { optionId: 'b', isKey: false, count: 0 },
      { optionId: 'c', isKey: false, count: 2 },
      { optionId: 'd', isKey: false, count: 0 },
    ]);
  });
});
