import { DataSource } from 'typeorm';
import { AttemptDeadlines } from '../../src/attempts/attempt-deadlines.js';
import { newApprovedQuestions, newCourse } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('timed exams: publish → enroll → start → autosave → submit → result', () => {
  let t: TestApp;
  let author: string;
  let examiner: string;
  let candidate: string;
  let candidateId: string;
  let courseId: string;

  beforeAll(async () => {
    t = await createTestApp({ JOBS_POLL_SECONDS: '0.5', JWT_ACCESS_TTL_SECONDS: String(30 * 24 * 3600), LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' });
    author = `Bearer ${await t.login('author')}`;
    examiner = `Bearer ${await t.login('examiner')}`;
    candidate = `Bearer ${await t.login('candidate')}`;
    candidateId = (await t.http.get('/v1/me').set('authorization', candidate)).body.userId;
    courseId = await newCourse(t, author, ['3', '3.1', '3.2', '5', '5.1']);
    await newApprovedQuestions(t, author, courseId, { '3.1': 4, '3.2': 3, '5.1': 6 });
  });
  afterAll(() => t.close());

  async function publishedExam(overrides: object = {}): Promise<string> {
    const exam = await t.http
      .post('/v1/exams')
      .set('authorization', examiner)
      .send({
        courseId,
        title: 'Fundamentals',
        language: 'en',
        sections: [
          { sectionKey: '3', count: 4 },
          { sectionKey: '5', count: 3, difficulty: { easy: 1, medium: 1, hard: 1 } },
        ],
        timeLimitMinutes: 30,
        passMark: 60,
        maxAttempts: 2,
        ...overrides,
      })
      .expect(201);
    await t.http.post(`/v1/exams/${exam.body.id}/publish`).set('authorization', examiner).expect(200);
    await t.http.post(`/v1/exams/${exam.body.id}/enrollments`).set('authorization', examiner).send({ userIds: [candidateId] }).expect(200);
    return exam.body.id;
  }

  const start = (examId: string, key?: string) => {
    const call = t.http.post(`/v1/exams/${examId}/attempts`).set('authorization', candidate);
    return key ? call.set('idempotency-key', key) : call;
  };
  const save = (attemptId: string, position: number, choice: string, version: number) =>
    t.http.put(`/v1/attempts/${attemptId}/answers/${position}`).set('authorization', candidate).send({ response: { type: 'single-choice', choice }, version });

  it('refuses to publish what the bank cannot supply, naming each draw', async () => {
    const exam = await t.http
      .post('/v1/exams')
      .set('authorization', examiner)
      .send({ courseId, title: 'Too big', language: 'en', sections: [{ sectionKey: '3.2', count: 9 }] })
      .expect(201);
    const refused = await t.http.post(`/v1/exams/${exam.body.id}/publish`).set('authorization', examiner).expect(422);
    expect(refused.body.errors).toEqual([{ path: 'sections[0].count', message: 'section 3.2 has 3 approved en questions, 9 needed' }]);
  });

  it('runs a whole attempt with an idempotent start, autosave with versions, and an idempotent submit', async () => {
    const examId = await publishedExam();
    const first = await start(examId, 'start-key-0001').expect(201);
    const replay = await start(examId, 'start-key-0001').expect(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body.id).toBe(first.body.id);
    const attempt = first.body;
    expect(attempt.items).toHaveLength(7);
    expect(new Set(attempt.items.map((i: { questionId: string }) => i.questionId)).size).toBe(7);
    const sections = attempt.items.map((i: { sectionKey: string }) => i.sectionKey.split('.')[0]);
    expect(sections.filter((s: string) => s === '3')).toHaveLength(4);
    expect(JSON.stringify(attempt)).not.toMatch(/answerKey|"correct"/);
    expect(attempt.timeLeftSeconds).toBe(1800);

    // Answer 5 of 7 right (the right option is always "a" in the factory).
    for (const item of attempt.items.slice(0, 5)) await save(attempt.id, item.position, 'a', 0).expect(200);
    await save(attempt.id, attempt.items[5].position, 'b', 0).expect(200);
    const stale = await save(attempt.id, attempt.items[0].position, 'c', 0).expect(409);
    expect(stale.body).toMatchObject({ type: 'urn:kubequiz:problem:version-conflict', currentVersion: 1 });
    await save(attempt.id, attempt.items[0].position, 'a', 1).expect(200);
    const bad = await t.http.put(`/v1/attempts/${attempt.id}/answers/1`).set('authorization', candidate).send({ response: { type: 'true-false', value: true }, version: 2 });
    expect(bad.status).toBe(422);

    const reread = await t.http.get(`/v1/attempts/${attempt.id}`).set('authorization', candidate).expect(200);
    expect(reread.body.items[0]).toMatchObject({ answer: { type: 'single-choice', choice: 'a' }, answerVersion: 2 });
    expect(reread.body.items.map((i: { options: unknown }) => i.options)).toEqual(attempt.items.map((i: { options: unknown }) => i.options));

    const submitted = await t.http.post(`/v1/attempts/${attempt.id}/submit`).set('authorization', candidate).expect(200);
    expect(submitted.body).toMatchObject({ percentage: 71.43, passed: true, points: 5, maxPoints: 7, submittedBy: 'candidate', review: 'score-and-sections' });
    expect(submitted.body.sections.map((s: { sectionKey: string }) => s.sectionKey).length).toBeGreaterThan(0);
    expect(submitted.body.items).toBeUndefined();
    const again = await t.http.post(`/v1/attempts/${attempt.id}/submit`).set('authorization', candidate).expect(200);
    expect(again.body).toEqual(submitted.body);
    await save(attempt.id, attempt.items[6].position, 'a', 0).expect(409);

    const retake = await start(examId).expect(201);
    expect(retake.body.attemptNumber).toBe(2);
    const firstIds = new Set(attempt.items.map((i: { questionId: string }) => i.questionId));
    const reused = retake.body.items.filter((i: { questionId: string }) => firstIds.has(i.questionId)).length;
    // Section 3 has 7 questions for 4 places: after the first form only 3 are unseen, so
    // exactly one repeat is unavoidable. Section 5 (2 per difficulty, 1 each drawn) can be fresh.
    expect(reused).toBe(1);
    await t.http.post(`/v1/attempts/${retake.body.id}/submit`).set('authorization', candidate).expect(200);
    await start(examId).expect(409);
  });

  it('enforces the deadline by the server clock and submits overdue attempts in the background', async () => {
    const examId = await publishedExam({ maxAttempts: 1, reviewPolicy: 'full-review' });
    const attempt = (await start(examId).expect(201)).body;
    await save(attempt.id, attempt.items[0].position, 'a', 0).expect(200);
    t.clock.advance(30 * 60_000 + 1);
    const late = await save(attempt.id, attempt.items[1].position, 'a', 0).expect(409);
    expect(late.body.type).toBe('urn:kubequiz:problem:deadline-passed');

    expect(await t.app.get(AttemptDeadlines).sweep()).toBe(1);
    const result = await t.http.get(`/v1/attempts/${attempt.id}/result`).set('authorization', candidate).expect(200);
    expect(result.body).toMatchObject({ submittedBy: 'deadline', points: 1, maxPoints: 7, review: 'full-review' });
    expect(result.body.items[0]).toMatchObject({ outcome: 'correct', correctAnswer: { type: 'single-choice', correct: 'a' } });
    expect(result.body.items[1]).toMatchObject({ outcome: 'unanswered', answer: null });
  });

  it('has the job queue submit an overdue attempt without being asked', async () => {
    const examId = await publishedExam({ maxAttempts: 1 });
    const attempt = (await start(examId).expect(201)).body;
    t.clock.advance(31 * 60_000);
    const dataSource = t.app.get(DataSource);
    // The job scheduled at the deadline (real time) is due now; ask the queue for an extra sweep too.
    await t.app.get(AttemptDeadlines)['queue'].send('attempts.deadline-sweep', {});
    let status = 'in-progress';
    for (let i = 0; i < 40 && status !== 'submitted'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      [{ status }] = await dataSource.query('SELECT status FROM attempts WHERE id = $1', [attempt.id]);
    }
    expect(status).toBe('submitted');
  });

  it('keeps every answer under 50 concurrent autosaves and grades a double submit once', async () => {
    const bigCourse = await newCourse(t, author, ['9']);
    await newApprovedQuestions(t, author, bigCourse, { '9': 50 });
    const exam = await t.http
      .post('/v1/exams')
      .set('authorization', examiner)
      .send({ courseId: bigCourse, title: 'Fifty', language: 'en', sections: [{ sectionKey: '9', count: 50 }] })
      .expect(201);
    await t.http.post(`/v1/exams/${exam.body.id}/publish`).set('authorization', examiner).expect(200);
    await t.http.post(`/v1/exams/${exam.body.id}/enrollments`).set('authorization', examiner).send({ userIds: [candidateId] }).expect(200);
    const attempt = (await start(exam.body.id).expect(201)).body;
    const choiceFor = (position: number) => 'abcd'[position % 4]!;
    const responses = await Promise.all(attempt.items.map((item: { position: number }) => save(attempt.id, item.position, choiceFor(item.position), 0)));
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(200));

    // Racing writes to one item with the same version: exactly one wins, the rest are told.
    const race = await Promise.all(['a', 'b', 'c', 'd', 'a'].map((choice) => save(attempt.id, 1, choice, 1)));
    const winners = race.filter((r) => r.status === 200);
    expect(winners).toHaveLength(1);
    expect(race.filter((r) => r.status === 409)).toHaveLength(4);

    const saved = (await t.http.get(`/v1/attempts/${attempt.id}`).set('authorization', candidate)).body.items;
    for (const item of saved) {
      if (item.position === 1) expect(item.answerVersion).toBe(2);
      else expect({ position: item.position, answer: item.answer }).toEqual({ position: item.position, answer: { type: 'single-choice', choice: choiceFor(item.position) } });
    }
    const [a, b] = await Promise.all([
      t.http.post(`/v1/attempts/${attempt.id}/submit`).set('authorization', candidate),
      t.http.post(`/v1/attempts/${attempt.id}/submit`).set('authorization', candidate),
    ]);
    expect(a.status).toBe(200);
    expect(b.body).toEqual(a.body);
    // Right answers: every item saved as "a" (position % 4 === 0), plus item 1 if "a" won its race.
    const raceWinner = saved.find((i: { position: number }) => i.position === 1).answer.choice;
    const expected = attempt.items.filter((i: { position: number }) => i.position !== 1 && i.position % 4 === 0).length + (raceWinner === 'a' ? 1 : 0);
    expect(a.body.points).toBe(expected);
  });

  it('shows results only as the review policy allows', async () => {
    for (const [policy, expectSections, expectItems] of [
      ['score-only', false, false],
      ['score-and-sections', true, false],
      ['full-review', true, true],
    ] as const) {
      const examId = await publishedExam({ maxAttempts: 1, reviewPolicy: policy });
      const attempt = (await start(examId).expect(201)).body;
      const result = (await t.http.post(`/v1/attempts/${attempt.id}/submit`).set('authorization', candidate).expect(200)).body;
      expect({ policy, sections: 'sections' in result, items: 'items' in result }).toEqual({ policy, sections: expectSections, items: expectItems });
      const staffView = await t.http.get(`/v1/attempts/${attempt.id}/result`).set('authorization', examiner).expect(200);
      expect(staffView.body.items).toHaveLength(7);
    }
    const until = new Date(t.clock.now().getTime() + 3 * 3600_000).toISOString();
    const examId = await publishedExam({ maxAttempts: 1, reviewPolicy: 'full-review', reviewAfterWindowCloses: true, availableUntil: until });
    const attempt = (await start(examId).expect(201)).body;
    const held = (await t.http.post(`/v1/attempts/${attempt.id}/submit`).set('authorization', candidate).expect(200)).body;
    expect(held).toMatchObject({ review: 'score-only', reviewAvailableAt: until });
    t.clock.advance(3 * 3600_000 + 1000);
    const released = await t.http.get(`/v1/attempts/${attempt.id}/result`).set('authorization', candidate).expect(200);
    expect(released.body.review).toBe('full-review');
  });

  it('refuses candidates who are not enrolled, and hides attempts from other candidates', async () => {
    const exam = await t.http.post('/v1/exams').set('authorization', examiner).send({ courseId, title: 'Closed', language: 'en', sections: [{ sectionKey: '3', count: 1 }] }).expect(201);
    await t.http.post(`/v1/exams/${exam.body.id}/publish`).set('authorization', examiner).expect(200);
    await start(exam.body.id).expect(403);
    await t.http.post(`/v1/exams/${exam.body.id}/attempts`).set('authorization', examiner).expect(403);
  });
});
