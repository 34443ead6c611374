import { DataSource } from 'typeorm';
import { CourseSeeder } from '../../src/seeding/course-seeder.js';
import { newApprovedQuestions, newCourse } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 13, hole 2: a candidate in a live exam asked practice `/check` for the keys of the
 * items in its running attempt, because practice and exams drew from one pool.
 */
describe('hostile tenant: exam answer keys', () => {
  let t: TestApp;
  let author: string;
  let examiner: string;
  let candidate: string;
  let candidateId: string;
  let courseId: string;
  /** Approved 'both' items, the right option always `a`. */
  let shared: Record<string, string[]>;
  /** Approved exam-only items in section 3.2. */
  const examOnly: string[] = [];
  const EXAM_ONLY_STEM = 'Exam-only: which component persists every object?';

  beforeAll(async () => {
    t = await createTestApp({ JWT_ACCESS_TTL_SECONDS: String(30 * 24 * 3600), LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' });
    author = `Bearer ${await t.login('author')}`;
    examiner = `Bearer ${await t.login('examiner')}`;
    candidate = `Bearer ${await t.login('candidate')}`;
    candidateId = (await t.http.get('/v1/me').set('authorization', candidate)).body.userId;
    courseId = await newCourse(t, author, ['3', '3.1', '3.2', '5', '5.1']);
    shared = await newApprovedQuestions(t, author, courseId, { '3.1': 3, '5.1': 2 });
    for (let i = 0; i < 2; i += 1) {
      const created = await t.http
        .post('/v1/questions')
        .set('authorization', author)
        .send({
          courseId,
          language: 'en',
          sectionKeys: ['3.2'],
          use: 'exam',
          content: { type: 'single-choice', stem: `${EXAM_ONLY_STEM} (${i})`, options: [{ id: 'a', text: 'etcd' }, { id: 'b', text: 'kubelet' }] },
          answerKey: { type: 'single-choice', correct: 'a' },
          explanation: 'Exam-only explanation.',
        })
        .expect(201);
      expect(created.body.use).toBe('exam');
      await t.http.post(`/v1/questions/${created.body.id}/approve`).set('authorization', author).expect(200);
      examOnly.push(created.body.id);
    }
  });
  afterAll(() => t.close());

  async function publishedExam(body: object): Promise<string> {
    const exam = await t.http
      .post('/v1/exams')
      .set('authorization', examiner)
      .send({ courseId, title: 'Keys exam', language: 'en', timeLimitMinutes: 30, passMark: 50, maxAttempts: 5, ...body })
      .expect(201);
    await t.http.post(`/v1/exams/${exam.body.id}/publish`).set('authorization', examiner).expect(200);
    await t.http.post(`/v1/exams/${exam.body.id}/enrollments`).set('authorization', examiner).send({ userIds: [candidateId] }).expect(200);
    return exam.body.id;
  }

  const check = (quiz: string, questionIds: string[]) =>
    t.http
      .post(`/v1/quizzes/${courseId}~${quiz}/check`)
      .set('authorization', candidate)
      .send({ language: 'en', answers: questionIds.map((questionId) => ({ questionId, response: { type: 'single-choice', choice: 'b' } })) });

  it('refuses practice /check for the items of a running attempt (409), and answers again after submission', async () => {
    const examId = await publishedExam({ sections: [{ sectionKey: '3.1', count: 2 }] });
    const attempt = (await t.http.post(`/v1/exams/${examId}/attempts`).set('authorization', candidate).expect(201)).body;
    const drawn: string[] = attempt.items.map((i: { questionId: string }) => i.questionId);
    expect(drawn).toHaveLength(2);

    for (const quiz of ['3.1', '3']) {
      const refused = await check(quiz, drawn).expect(409);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body).toMatchObject({ status: 409, type: expect.stringContaining('item-in-running-attempt') });
      expect(JSON.stringify(refused.body)).not.toMatch(/correctAnswer|explanation|"correct"/);
    }
    // One drawn item hidden among items that are not in the attempt is still refused.
    const notDrawn = shared['3.1']!.find((id) => !drawn.includes(id))!;
    await check('3.1', [notDrawn, drawn[0]!]).expect(409);
    // Items that are not in the attempt stay practisable.
    const free = await check('3.1', [notDrawn]).expect(200);
    expect(free.body.items[0]).toMatchObject({ questionId: notDrawn, correctAnswer: { type: 'single-choice', correct: 'a' } });

    await t.http.post(`/v1/attempts/${attempt.id}/submit`).set('authorization', candidate).expect(200);
    const after = await check('3.1', drawn).expect(200);
    expect(after.body.items.map((i: { correctAnswer: unknown }) => i.correctAnswer)).toEqual([
      { type: 'single-choice', correct: 'a' },
      { type: 'single-choice', correct: 'a' },
    ]);
  });

  it('keeps exam-only items out of every practice payload and answers /check for them as for unknown ids', async () => {
    const list = await t.http.get(`/v1/courses/${courseId}/quizzes?lang=en`).set('authorization', candidate).expect(200);
    expect(list.body.items.map((q: { sectionKey: string; questionCount: number }) => [q.sectionKey, q.questionCount])).toEqual([
      ['3', 3],
      ['3.1', 3],
      ['5', 2],
      ['5.1', 2],
    ]);
    const chapter = await t.http.get(`/v1/quizzes/${courseId}~3?lang=en`).set('authorization', candidate).expect(200);
    expect(chapter.body.questions.map((q: { questionId: string }) => q.questionId).sort()).toEqual([...shared['3.1']!].sort());
    expect(JSON.stringify(chapter.body)).not.toContain('Exam-only');
    await t.http.get(`/v1/quizzes/${courseId}~3.2?lang=en`).set('authorization', candidate).expect(404);

    const refused = await check('3', [examOnly[0]!]).expect(404);
    const unknown = await check('3', ['00000000-0000-4000-8000-000000000000']).expect(404);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.stringify(refused.body)).not.toMatch(/correctAnswer|Exam-only explanation/);
    expect({ ...refused.body, detail: undefined, instance: undefined, requestId: undefined }).toEqual({
      ...unknown.body,
      detail: undefined,
      instance: undefined,
      requestId: undefined,
    });
    expect(refused.body.detail).toBe(unknown.body.detail.replace('00000000-0000-4000-8000-000000000000', examOnly[0]!));

    const stats = await t.http.get(`/v1/questions/stats?courseId=${courseId}`).set('authorization', author).expect(200);
    expect(stats.body.sections.find((x: { sectionKey: string }) => x.sectionKey === '3.2').approvedByUse).toEqual({ practice: 0, exam: 2, both: 0 });

    for (const format of ['gift', 'moodle-xml']) {
      const exported = await t.http.get(`/v1/courses/${courseId}/question-bank/export?format=${format}`).set('authorization', examiner).expect(200);
      expect(exported.text).toContain('Question 1 about section 3.1');
      expect(exported.text).not.toContain('Exam-only');
    }
  });

  it('withholds the keys of exam-only items from a candidate’s full review, not from the examiner', async () => {
    const examId = await publishedExam({ sections: [{ sectionKey: '3', count: 5 }], reviewPolicy: 'full-review' });
    const attempt = (await t.http.post(`/v1/exams/${examId}/attempts`).set('authorization', candidate).expect(201)).body;
    await t.http.post(`/v1/attempts/${attempt.id}/submit`).set('authorization', candidate).expect(200);
    const mine = await t.http.get(`/v1/attempts/${attempt.id}/result`).set('authorization', candidate).expect(200);
    const byQuestion = (body: { items: Array<{ question: { questionId: string }; correctAnswer: unknown; explanation: unknown }> }) =>
      new Map(body.items.map((i) => [i.question.questionId, i]));
    const seen = byQuestion(mine.body);
    expect(seen.get(examOnly[0]!)).toMatchObject({ correctAnswer: null, explanation: null });
    expect(seen.get(shared['3.1']![0]!)).toMatchObject({ correctAnswer: { type: 'single-choice', correct: 'a' } });
    expect(JSON.stringify(mine.body)).not.toContain('Exam-only explanation');
    const staff = byQuestion((await t.http.get(`/v1/attempts/${attempt.id}/result`).set('authorization', examiner).expect(200)).body);
    expect(staff.get(examOnly[0]!)).toMatchObject({ correctAnswer: { type: 'single-choice', correct: 'a' }, explanation: 'Exam-only explanation.' });
  });

  it('draws a high-stakes blueprint only from exam-only items, and refuses to publish a pool that is too small', async () => {
    const examId = await publishedExam({ highStakes: true, sections: [{ sectionKey: '3', count: 2 }] });
    const attempt = (await t.http.post(`/v1/exams/${examId}/attempts`).set('authorization', candidate).expect(201)).body;
    expect(attempt.items.map((i: { questionId: string }) => i.questionId).sort()).toEqual([...examOnly].sort());
    await t.http.post(`/v1/attempts/${attempt.id}/submit`).set('authorization', candidate).expect(200);

    const tooBig = await t.http
      .post('/v1/exams')
      .set('authorization', examiner)
      .send({ courseId, title: 'Too few secure items', language: 'en', highStakes: true, sections: [{ sectionKey: '3', count: 3 }, { sectionKey: '5', count: 1 }] })
      .expect(201);
    expect(tooBig.body.draft.highStakes).toBe(true);
    const refused = await t.http.post(`/v1/exams/${tooBig.body.id}/publish`).set('authorization', examiner).expect(422);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body.detail).toMatch(/sections 3, 5\b/);
    expect(refused.body.errors).toEqual([
      { path: 'sections[0].count', message: 'section 3 has 2 approved exam-only en questions, 3 needed' },
      { path: 'sections[1].count', message: 'section 5 has 0 approved exam-only en questions, 1 needed' },
    ]);

    // A fixed list in a high-stakes exam may name exam-only items only.
    const fixed = await t.http
      .post('/v1/exams')
      .set('authorization', examiner)
      .send({ courseId, title: 'Fixed secure', language: 'en', highStakes: true, fixedQuestionIds: [examOnly[0], shared['3.1']![0]] })
      .expect(201);
    const fixedRefused = await t.http.post(`/v1/exams/${fixed.body.id}/publish`).set('authorization', examiner).expect(422);
    expect(fixedRefused.body.errors).toEqual([{ path: 'fixedQuestionIds[1]', message: 'not an approved exam-only question of this course in the exam language' }]);
  });

  it('lets authors choose the use on create, edit and approve, documents it, and respects a change at once', async () => {
    const base = {
      courseId,
      language: 'en',
      sectionKeys: ['5.1'],
      content: { type: 'true-false', stem: 'Practice-only: a Pod can hold several containers.' },
      answerKey: { type: 'true-false', correct: true },
    };
    const plain = await t.http.post('/v1/questions').set('authorization', author).send(base).expect(201);
    expect(plain.body.use).toBe('both');
    const bad = await t.http.post('/v1/questions').set('authorization', author).send({ ...base, use: 'secret' }).expect(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toContain('use');
    const edited = await t.http
      .put(`/v1/questions/${plain.body.id}`)
      .set('authorization', author)
      .send({ content: base.content, answerKey: base.answerKey, use: 'practice' })
      .expect(200);
    expect(edited.body.use).toBe('practice');
    const kept = await t.http.put(`/v1/questions/${plain.body.id}`).set('authorization', author).send({ content: base.content, answerKey: base.answerKey }).expect(200);
    expect(kept.body.use).toBe('practice');
    await t.http.post(`/v1/questions/${plain.body.id}/approve`).set('authorization', author).expect(200);

    // A practice-only item is never drawn for an exam.
    const exam = await t.http.post('/v1/exams').set('authorization', examiner).send({ courseId, title: 'Five', language: 'en', sections: [{ sectionKey: '5', count: 3 }] }).expect(201);
    const short = await t.http.post(`/v1/exams/${exam.body.id}/publish`).set('authorization', examiner).expect(422);
    expect(short.body.errors).toEqual([{ path: 'sections[0].count', message: 'section 5 has 2 approved en questions, 3 needed' }]);

    const quiz = () => t.http.get(`/v1/quizzes/${courseId}~5.1?lang=en`).set('authorization', candidate).expect(200);
    expect((await quiz()).body.questions.map((q: { questionId: string }) => q.questionId)).toContain(plain.body.id);
    const approved = await t.http.post(`/v1/questions/${plain.body.id}/approve`).set('authorization', author).send({ use: 'exam' }).expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', use: 'exam' });
    // The practice cache must not serve it for even one more request.
    expect((await quiz()).body.questions.map((q: { questionId: string }) => q.questionId)).not.toContain(plain.body.id);
    const listed = await t.http.get(`/v1/questions?courseId=${courseId}&use=exam`).set('authorization', author).expect(200);
    expect(listed.body.items.map((q: { id: string }) => q.id).sort()).toEqual([...examOnly, plain.body.id].sort());

    const docs = (await t.http.get('/docs-json').expect(200)).body;
    const schemas = docs.components.schemas;
    for (const name of ['CreateQuestionDto', 'QuestionEditDto', 'ApproveQuestionDto', 'QuestionWithKeyDto']) {
      expect(schemas[name].properties.use).toMatchObject({ enum: ['practice', 'exam', 'both'] });
    }
    expect(docs.paths['/v1/questions/{questionId}/approve'].post.requestBody).toBeDefined();
    expect(schemas.BlueprintDto.properties.highStakes).toMatchObject({ type: 'boolean' });
    expect(schemas.ItemExposureDto.properties.attempts).toBeDefined();
  });

  it('shows an examiner how many attempts drew each item, beside item analysis', async () => {
    const examId = await publishedExam({ sections: [{ sectionKey: '5', count: 1 }], maxAttempts: 3 });
    const drawn: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const attempt = (await t.http.post(`/v1/exams/${examId}/attempts`).set('authorization', candidate).expect(201)).body;
      drawn.push(attempt.items[0].questionId);
      await t.http.post(`/v1/attempts/${attempt.id}/submit`).set('authorization', candidate).expect(200);
    }
    const analysis = await t.http.get(`/v1/exams/${examId}/item-analysis`).set('authorization', examiner).expect(200);
    expect(analysis.body.items).toHaveLength(1);
    const expected = new Map<string, number>();
    for (const id of drawn) expected.set(id, (expected.get(id) ?? 0) + 1);
    expect(
      analysis.body.exposure.map((e: { questionId: string; attempts: number }) => [e.questionId, e.attempts]).sort(),
    ).toEqual([...expected.entries()].sort());
    const bothItems = new Set(Object.values(shared).flat());
    for (const entry of analysis.body.exposure) {
      expect(entry.use).toBe(bothItems.has(entry.questionId) ? 'both' : 'exam');
      // No other exam of this organisation drew from section 5.
      expect(entry.organizationAttempts).toBe(entry.attempts);
    }
    await t.http.get(`/v1/exams/${examId}/item-analysis`).set('authorization', candidate).expect(403);
  });

  it('refuses /check for the translation of an item in the running attempt (the zh exam item through the en quiz)', async () => {
    const shipped = await t.app.get(CourseSeeder).seed();
    const [pair] = (await t.app.get(DataSource).query(
      `SELECT zh.id AS zh_id, en.id AS en_id, zh.section_keys[1] AS section_key
         FROM questions zh JOIN questions en ON en.translation_key = zh.translation_key AND en.course_id = zh.course_id AND en.language = 'en'
        WHERE zh.course_id = $1 AND zh.language = 'zh' AND zh.type = 'single-choice' AND zh.status = 'approved'
        ORDER BY zh.id LIMIT 1`,
      [shipped.courseId],
    )) as Array<{ zh_id: string; en_id: string; section_key: string }>;
    const exam = await t.http
      .post('/v1/exams')
      .set('authorization', examiner)
      .send({ courseId: shipped.courseId, title: '中文考试', language: 'zh', fixedQuestionIds: [pair!.zh_id] })
      .expect(201);
    await t.http.post(`/v1/exams/${exam.body.id}/publish`).set('authorization', examiner).expect(200);
    await t.http.post(`/v1/exams/${exam.body.id}/enrollments`).set('authorization', examiner).send({ userIds: [candidateId] }).expect(200);
    const attempt = (await t.http.post(`/v1/exams/${exam.body.id}/attempts`).set('authorization', candidate).expect(201)).body;
    expect(attempt.items.map((i: { questionId: string }) => i.questionId)).toEqual([pair!.zh_id]);

    const viaEnglish = () =>
      t.http
        .post(`/v1/quizzes/${shipped.courseId}~${pair!.section_key}/check`)
        .set('authorization', candidate)
        .send({ language: 'en', answers: [{ questionId: pair!.en_id, response: { type: 'single-choice', choice: 'a' } }] });
    const refused = await viaEnglish().expect(409);
    expect(refused.body.questionIds).toEqual([pair!.en_id]);
    expect(JSON.stringify(refused.body)).not.toMatch(/correctAnswer|explanation/);
    await t.http.post(`/v1/attempts/${attempt.id}/submit`).set('authorization', candidate).expect(200);
    expect((await viaEnglish().expect(200)).body.items[0].correctAnswer).toBeDefined();
  });
});
