import { createTestApp, type TestApp } from '../support/test-app.js';

const options = [
  { id: 'a', text: 'kube-scheduler' },
  { id: 'b', text: 'kube-controller-manager' },
  { id: 'c', text: 'kubelet' },
  { id: 'd', text: 'etcd' },
];

describe('question bank review and practice quizzes', () => {
  let t: TestApp;
  let author: string;
  let candidate: string;
  let courseId: string;

  beforeAll(async () => {
    t = await createTestApp();
    author = `Bearer ${await t.login('author')}`;
    candidate = `Bearer ${await t.login('candidate')}`;
    courseId = (await t.http.post('/v1/courses').set('authorization', author).send({ slug: 'bank', title: { en: 'Bank' } }).expect(201)).body.id;
    await t.http
      .post(`/v1/courses/${courseId}/documents`)
      .set('authorization', author)
      .send({ title: 'EN', language: 'en', text: '# 3 Architecture\n\nParts.\n\n## 3.1 Control plane\n\nThe scheduler places pods.\n\n## 3.2 etcd\n\nStores state.\n' })
      .expect(201);
  });
  afterAll(() => t.close());

  const create = (body: object) => t.http.post('/v1/questions').set('authorization', author).send(body);
  const base = { language: 'en', sectionKeys: ['3.1'] };

  it('writes drafts, refuses malformed ones with field paths, and reviews them', async () => {
    const bad = await create({
      ...base,
      courseId,
      content: { type: 'single-choice', stem: 'Which picks nodes?', options },
      answerKey: { type: 'single-choice', correct: 'z' },
    }).expect(422);
    expect(bad.body.errors).toEqual([{ path: 'answerKey.correct', message: 'must be one of the option ids' }]);

    const created = await create({
      ...base,
      courseId,
      content: { type: 'single-choice', stem: 'Which component picks the node for a new Pod?', options },
      answerKey: { type: 'single-choice', correct: 'a' },
      explanation: 'The scheduler binds pods to nodes.',
      difficulty: 'easy',
    }).expect(201);
    expect(created.body).toMatchObject({ status: 'draft', origin: 'authored', revision: 1 });

    const approved = await t.http.post(`/v1/questions/${created.body.id}/approve`).set('authorization', author).expect(200);
    expect(approved.body.status).toBe('approved');

    const edited = await t.http
      .put(`/v1/questions/${created.body.id}`)
      .set('authorization', author)
      .send({
        content: { type: 'single-choice', stem: 'Which control-plane component binds a new Pod to a node?', options },
        answerKey: { type: 'single-choice', correct: 'a' },
      })
      .expect(200);
    expect(edited.body).toMatchObject({ status: 'draft', revision: 2 });
    expect(edited.body.revisionId).not.toBe(created.body.revisionId);

    await t.http.post(`/v1/questions/${created.body.id}/retire`).set('authorization', author).expect(200);
    await t.http.post(`/v1/questions/${created.body.id}/approve`).set('authorization', author).expect(409);
    await t.http.put(`/v1/questions/${created.body.id}`).set('authorization', candidate).send({}).expect(403);
  });

  it('serves quizzes without keys, shuffled by seed, with ETags, and checks answers', async () => {
    const ids: string[] = [];
    for (const [i, body] of [
      { content: { type: 'single-choice', stem: 'Which component schedules pods?', options }, answerKey: { type: 'single-choice', correct: 'a' } },
      { content: { type: 'true-false', stem: 'etcd stores the cluster state.' }, answerKey: { type: 'true-false', correct: true } },
      { content: { type: 'cloze', stem: 'The {{1}} stores every object.', blanks: 1 }, answerKey: { type: 'cloze', accepted: [['etcd']] } },
      {
        content: { type: 'multiple-response', stem: 'Which run on every node?', options },
        answerKey: { type: 'multiple-response', correct: ['c'] },
      },
    ].entries()) {
      const created = await create({ ...base, sectionKeys: [i < 2 ? '3.1' : '3.2'], courseId, ...body, explanation: `why ${i}` }).expect(201);
      ids.push(created.body.id);
    }
    const bulk = await t.http.post('/v1/questions/bulk-approve').set('authorization', author).send({ ids: [...ids, '00000000-0000-4000-8000-000000000000'] }).expect(200);
    expect(bulk.body).toEqual({ approved: 4, skipped: ['00000000-0000-4000-8000-000000000000'] });

    const list = await t.http.get(`/v1/courses/${courseId}/quizzes`).set('authorization', candidate).set('accept-language', 'en-GB').expect(200);
    expect(list.body.items.map((q: { sectionKey: string; questionCount: number }) => [q.sectionKey, q.questionCount])).toEqual([
      ['3', 4],
      ['3.1', 2],
      ['3.2', 2],
    ]);
    expect(list.body.items[1].title).toBe('3.1 Control plane');

    const quizId = list.body.items[0].id;
    const first = await t.http.get(`/v1/quizzes/${quizId}?seed=abc`).set('authorization', candidate).expect(200);
    expect(JSON.stringify(first.body)).not.toMatch(/answerKey|correct|accepted|explanation/);
    expect(first.body.questions).toHaveLength(4);
    const again = await t.http.get(`/v1/quizzes/${quizId}?seed=abc`).set('authorization', candidate).expect(200);
    expect(again.body.questions).toEqual(first.body.questions);
    await t.http.get(`/v1/quizzes/${quizId}?seed=abc`).set('authorization', candidate).set('if-none-match', first.headers.etag).expect(304);
    const other = await t.http.get(`/v1/quizzes/${quizId}?seed=xyz`).set('authorization', candidate).expect(200);
    expect(other.headers.etag).not.toBe(first.headers.etag);

    const answers = [
      { questionId: ids[0], response: { type: 'single-choice', choice: 'a' } },
      { questionId: ids[1], response: { type: 'true-false', value: false } },
      { questionId: ids[2], response: { type: 'cloze', blanks: ['  ETCD '] } },
    ];
    const checked = await t.http.post(`/v1/quizzes/${quizId}/check`).set('authorization', candidate).send({ language: 'en', answers }).expect(200);
    expect(checked.body).toMatchObject({ score: 2, maxScore: 3, percentage: 66.67 });
    const byId = Object.fromEntries(checked.body.items.map((i: { questionId: string }) => [i.questionId, i]));
    expect(byId[ids[1]!]).toMatchObject({ correct: false, correctAnswer: { type: 'true-false', correct: true }, explanation: 'why 1', sectionKey: '3.1' });
    expect(byId[ids[2]!].sectionLink).toMatch(/^\/v1\/documents\/[0-9a-f-]+\/sections\/3\.2$/);

    const malformed = await t.http
      .post(`/v1/quizzes/${quizId}/check`)
      .set('authorization', candidate)
      .send({ language: 'en', answers: [{ questionId: ids[0], response: { type: 'single-choice', choice: 'zzz' } }] })
      .expect(422);
    expect(malformed.body.errors[0].path).toBe('answers[0].response');

    const progress = await t.http.get('/v1/me/progress').set('authorization', candidate).expect(200);
    expect(progress.body.sections).toEqual([
      expect.objectContaining({ courseId, sectionKey: '3', attempts: 1, bestPercentage: 66.67, lastPercentage: 66.67 }),
    ]);
  });

  it('reports bank statistics per section and answers unknown quizzes with 404', async () => {
    const stats = await t.http.get(`/v1/questions/stats?courseId=${courseId}`).set('authorization', author).expect(200);
    const s31 = stats.body.sections.find((s: { sectionKey: string }) => s.sectionKey === '3.1');
    expect(s31.byStatus).toMatchObject({ approved: 2, retired: 1 });
    expect(s31.approvedByType).toEqual({ 'single-choice': 1, 'true-false': 1 });
    await t.http.get(`/v1/quizzes/${courseId}~9`).set('authorization', candidate).expect(404);
    await t.http.get('/v1/quizzes/not-a-quiz').set('authorization', candidate).expect(404);
    const filtered = await t.http.get(`/v1/questions?courseId=${courseId}&status=approved&type=cloze`).set('authorization', author).expect(200);
    expect(filtered.body.items).toHaveLength(1);
    expect(filtered.body.items[0].answerKey).toEqual({ type: 'cloze', accepted: [['etcd']] });
  });
});
