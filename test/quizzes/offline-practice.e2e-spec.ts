import { randomUUID } from 'node:crypto';
import { AppConfig } from '../../src/config/app-config.js';
import { newApprovedQuestions, newCourse } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Issue 16, mobile: a course's practice set offline, and answers uploaded afterwards. */
describe('offline practice: bundle and uploaded results', () => {
  let t: TestApp;
  let author: string;
  let examiner: string;
  let candidate: string;
  let candidateId: string;
  let courseId: string;
  let practice: Record<string, string[]>;
  let examOnlyId: string;
  const EXAM_ONLY_STEM = 'Exam-only: which component persists every object?';

  beforeAll(async () => {
    t = await createTestApp({ JWT_ACCESS_TTL_SECONDS: String(30 * 24 * 3600) });
    author = `Bearer ${await t.login('author')}`;
    examiner = `Bearer ${await t.login('examiner')}`;
    candidate = `Bearer ${await t.login('candidate')}`;
    candidateId = (await t.http.get('/v1/me').set('authorization', candidate)).body.userId;
    courseId = await newCourse(t, author, ['3', '3.1', '3.2', '5', '5.1']);
    practice = await newApprovedQuestions(t, author, courseId, { '3.1': 3, '5.1': 2 });
    const examOnly = await t.http
      .post('/v1/questions')
      .set('authorization', author)
      .send({
        courseId,
        language: 'en',
        sectionKeys: ['3.2'],
        use: 'exam',
        content: { type: 'single-choice', stem: EXAM_ONLY_STEM, options: [{ id: 'a', text: 'etcd' }, { id: 'b', text: 'kubelet' }] },
        answerKey: { type: 'single-choice', correct: 'a' },
        explanation: 'Exam-only explanation.',
      })
      .expect(201);
    examOnlyId = examOnly.body.id;
    await t.http.post(`/v1/questions/${examOnlyId}/approve`).set('authorization', author).expect(200);
  });
  afterAll(() => t.close());

  const bundle = (query = 'lang=en') => t.http.get(`/v1/courses/${courseId}/practice-bundle?${query}`).set('authorization', candidate);
  const upload = (results: object[]) => t.http.post('/v1/me/practice-results').set('authorization', candidate).send({ results });
  const answer = (questionId: string, choice: string, at = t.clock.now()) => ({
    clientId: randomUUID(),
    questionId,
    response: { type: 'single-choice', choice },
    answeredAt: at.toISOString(),
  });

  it('holds every practice item with its key and explanation, and no exam-only item', async () => {
    const response = await bundle().expect(200);
    expect(response.headers['content-language']).toBe('en');
    expect(response.headers.etag).toMatch(/^"[\w-]+"$/);
    const ids = response.body.items.map((item: { questionId: string }) => item.questionId);
    expect(ids.sort()).toEqual([...practice['3.1']!, ...practice['5.1']!].sort());
    expect(JSON.stringify(response.body)).not.toContain(examOnlyId);
    expect(JSON.stringify(response.body)).not.toContain(EXAM_ONLY_STEM);
    for (const item of response.body.items) {
      expect(item).toMatchObject({ type: 'single-choice', correctAnswer: { type: 'single-choice', correct: 'a' }, explanation: expect.stringMatching(/^Because of /) });
      expect(item.options).toHaveLength(4);
    }
    expect(response.body.sections).toEqual([
      { key: '3.1', title: 'Section 3.1' },
      { key: '5.1', title: 'Section 5.1' },
    ]);

    await bundle().set('if-none-match', response.headers.etag).expect(304);
    const chapter = await bundle('lang=en&section=5').expect(200);
    expect(chapter.body.items.map((item: { questionId: string }) => item.questionId).sort()).toEqual([...practice['5.1']!].sort());
    expect(chapter.headers.etag).not.toBe(response.headers.etag);
    await bundle('lang=en&section=3.2').expect(404);
    await bundle('lang=en&section=../x').expect(422);
    // Another organisation's candidate learns nothing of the course.
    await t.http.get(`/v1/courses/${randomUUID()}/practice-bundle`).set('authorization', candidate).expect(404);
  });

  it('keeps to a size budget, naming the chapters to download one at a time', async () => {
    const config = t.app.get(AppConfig);
    const budget = config.OFFLINE_BUNDLE_MAX_BYTES;
    config.OFFLINE_BUNDLE_MAX_BYTES = 1500;
    try {
      const over = await bundle().expect(422);
      expect(over.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(over.body).toMatchObject({ type: 'urn:kubequiz:problem:offline-bundle-too-large', maxBytes: 1500, chapters: ['3', '5'] });
      expect(over.body.sizeBytes).toBeGreaterThan(1500);
      const small = await bundle('lang=en&section=5.1').expect(200);
      expect(Buffer.byteLength(JSON.stringify(small.body))).toBeLessThanOrEqual(1500);
    } finally {
      config.OFFLINE_BUNDLE_MAX_BYTES = budget;
    }
  });

  it('grades uploaded answers here, once per client id, and counts them as progress', async () => {
    const [q1, q2] = practice['3.1']!;
    const right = answer(q1!, 'a', new Date(t.clock.now().getTime() - 3 * 86_400_000));
    const wrong = answer(q2!, 'b', new Date(t.clock.now().getTime() - 2 * 86_400_000));
    const first = await upload([right, wrong]).expect(200);
    expect(first.body.items).toEqual([
      { clientId: right.clientId, questionId: q1, recorded: true, outcome: 'correct', score: 1, maxScore: 1 },
      { clientId: wrong.clientId, questionId: q2, recorded: true, outcome: 'incorrect', score: 0, maxScore: 1 },
    ]);
    const retried = await upload([{ ...right, clientId: right.clientId.toUpperCase() }, wrong]).expect(200);
    expect(retried.body.items.map((item: { recorded: boolean; outcome: string }) => [item.recorded, item.outcome])).toEqual([
      [false, 'correct'],
      [false, 'incorrect'],
    ]);

    const progress = await t.http.get('/v1/me/progress').set('authorization', candidate).expect(200);
    const section = progress.body.sections.find((row: { courseId: string; sectionKey: string }) => row.courseId === courseId && row.sectionKey === '3.1');
    // Two answers, not four: the retry recorded nothing. The last one (by device time) was wrong.
    expect(section).toMatchObject({ attempts: 2, bestPercentage: 100, lastPercentage: 0, lastPracticedAt: wrong.answeredAt });

    const reused = await upload([{ ...answer(q2!, 'a'), clientId: right.clientId }]).expect(422);
    expect(reused.body.type).toBe('urn:kubequiz:problem:idempotency-key-reused');
  });

  it('refuses answers it cannot trust: bad times, repeated ids, exam-only or malformed items', async () => {
    const q = practice['5.1']![0]!;
    const now = t.clock.now().getTime();
    const future = await upload([answer(q, 'a', new Date(now + 10 * 60_000))]).expect(422);
    expect(future.body.errors).toEqual([{ path: 'results[0].answeredAt', message: expect.stringMatching(/future/) }]);
    await upload([answer(q, 'a', new Date(now + 60_000))]).expect(200);
    const stale = await upload([answer(q, 'a', new Date(now - 31 * 86_400_000))]).expect(422);
    expect(stale.body.errors[0]).toMatchObject({ path: 'results[0].answeredAt', message: 'is older than 30 days' });
    const twice = answer(q, 'a');
    const repeated = await upload([twice, { ...twice }]).expect(422);
    expect(repeated.body.errors).toEqual([{ path: 'results[1].clientId', message: 'appears twice in this upload' }]);
    await upload([{ ...answer(q, 'a'), answeredAt: 'yesterday' }]).expect(422);

    const hidden = await upload([answer(examOnlyId, 'a')]).expect(404);
    const unknown = await upload([answer(randomUUID(), 'a')]).expect(404);
    expect(hidden.body.title).toBe(unknown.body.title);
    expect(JSON.stringify(hidden.body)).not.toContain('Exam-only');

    const malformed = await upload([{ ...answer(q, 'a'), response: { type: 'single-choice', choice: 'zzz' } }]).expect(422);
    expect(malformed.body.errors[0].path).toBe('results[0].response');

  });

  it('answers 409 for the bundle, and for uploads of drawn items, while an attempt on the course runs', async () => {
    const exam = await t.http
      .post('/v1/exams')
      .set('authorization', examiner)
      .send({ courseId, title: 'Offline exam', language: 'en', timeLimitMinutes: 30, passMark: 50, maxAttempts: 2, sections: [{ sectionKey: '5', count: 1 }] })
      .expect(201);
    await t.http.post(`/v1/exams/${exam.body.id}/publish`).set('authorization', examiner).expect(200);
    await t.http.post(`/v1/exams/${exam.body.id}/enrollments`).set('authorization', examiner).send({ userIds: [candidateId] }).expect(200);
    const attempt = (await t.http.post(`/v1/exams/${exam.body.id}/attempts`).set('authorization', candidate).expect(201)).body;
    const drawn = attempt.items[0].questionId as string;

    const refused = await bundle().expect(409);
    expect(refused.body).toMatchObject({ type: 'urn:kubequiz:problem:item-in-running-attempt', attemptIds: [attempt.id] });
    expect(refused.headers['content-language']).toBeUndefined();
    expect(JSON.stringify(refused.body)).not.toContain('correctAnswer');
    await upload([answer(drawn, 'a')]).expect(409);
    // Another person's attempt does not hold this candidate back.
    await t.http.get(`/v1/courses/${courseId}/practice-bundle?lang=en`).set('authorization', author).expect(200);

    await t.http.post(`/v1/attempts/${attempt.id}/submit`).set('authorization', candidate).expect(200);
    await bundle().expect(200);
    await upload([answer(drawn, 'a')]).expect(200);
  });

  it("gives another organisation neither the bundle nor a way to record answers on this course's items", async () => {
    const admin = `Bearer ${await t.login('admin')}`;
    const rival = await t.http.post('/v1/organizations').set('authorization', admin).send({ slug: 'rival-offline', name: 'Rival' }).expect(201);
    const invitation = await t.http
      .post(`/v1/organizations/${rival.body.id}/invitations`)
      .set('authorization', admin)
      .send({ email: 'learner@rival.example', roles: ['candidate'] })
      .expect(201);
    await t.http.post('/v1/invitations/accept').send({ token: invitation.body.token, displayName: 'Rival learner', password: 'rival-password-1' }).expect(200);
    const outsider = `Bearer ${(await t.http.post('/v1/auth/login').send({ email: 'learner@rival.example', password: 'rival-password-1' }).expect(200)).body.accessToken}`;

    const foreignBundle = await t.http.get(`/v1/courses/${courseId}/practice-bundle?lang=en`).set('authorization', outsider).expect(404);
    expect(JSON.stringify(foreignBundle.body)).not.toContain('correctAnswer');
    const victimQuestion = practice['3.1']![2]!;
    const foreignUpload = await t.http.post('/v1/me/practice-results').set('authorization', outsider).send({ results: [answer(victimQuestion, 'a')] }).expect(404);
    const unknownUpload = await t.http.post('/v1/me/practice-results').set('authorization', outsider).send({ results: [answer(randomUUID(), 'a')] }).expect(404);
    expect(foreignUpload.body.title).toBe(unknownUpload.body.title);
    expect(JSON.stringify(foreignUpload.body)).not.toContain(courseId);
  });

  it('documents both operations', async () => {
    const docs = (await t.http.get('/docs-json').expect(200)).body;
    expect(docs.paths['/v1/courses/{courseId}/practice-bundle'].get.responses).toHaveProperty('409');
    expect(docs.paths['/v1/me/practice-results'].post.requestBody).toBeDefined();
    expect(docs.components.schemas.PracticeBundleItemDto.properties.correctAnswer).toBeDefined();
    expect(docs.components.schemas.OfflineAnswerDto.required).toEqual(expect.arrayContaining(['clientId', 'questionId', 'response', 'answeredAt']));
  });
});
