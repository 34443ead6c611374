import { newApprovedQuestions, newCourse } from '../../support/factories.js';
import type { TestApp } from '../../support/test-app.js';

const LAB_TASK = {
  id: 'fuzz-config-map',
  title: { zh: '创建 ConfigMap', en: 'Create a ConfigMap' },
  instructions: { zh: '创建名为 app 的 ConfigMap。', en: 'Create a ConfigMap named app.' },
  sections: ['1.1'],
  timeLimitMinutes: 5,
  setup: [],
  solution: { manifests: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app' }, data: { mode: 'prod' } }] },
  wrongSolution: { manifests: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app' }, data: { mode: 'dev' } }], expectFailed: ['mode'] },
  checks: [
    {
      id: 'mode',
      title: { zh: 'mode 为 prod', en: 'mode is prod' },
      weight: 2,
      hint: { zh: '检查键 mode。', en: 'Check the key mode.' },
      section: '1.1',
      target: { apiVersion: 'v1', kind: 'ConfigMap', name: 'app' },
      assert: { field: { path: 'data.mode', equals: 'prod' } },
    },
  ],
};

/** Who a fuzz request can be sent as: a header set per caller (none for the anonymous one). */
export type Credentials = Record<string, Record<string, string>>;

export interface FuzzWorld {
  credentials: Credentials;
  /** Real values per path parameter or body field name, so requests reach past "not found". */
  realIds: Record<string, string>;
  /** Real ids for plural body fields (`ids`, `userIds`). */
  realIdLists: Record<string, string[]>;
  /** Valid bodies for operations whose schema is too loose to build one from. */
  bodies: Record<string, unknown>;
}

/**
 * Builds what a hostile tenant would have: an owner, an author, an examiner, a candidate,
 * an API key, a course with a document and approved questions, a published exam and a
 * running attempt. Ids whose operations destroy access (a member, an API key) point at
 * spare ones, so the callers the fuzz runs as keep their rights throughout.
 */
export async function buildFuzzWorld(t: TestApp): Promise<FuzzWorld> {
  const bearer = async (key: string) => ({ authorization: `Bearer ${await t.login(key)}` });
  const owner = await bearer('owner');
  const author = await bearer('author');
  const examiner = await bearer('examiner');
  const candidate = await bearer('candidate');
  const admin = await bearer('admin');
  const org = t.organizationId;

  const allScopes = ['candidates:write', 'candidates:token', 'candidates:read', 'exams:read', 'enrollments:write', 'results:read', 'certificates:read', 'questions:read', 'webhooks:manage'];
  const key = await t.http.post(`/v1/organizations/${org}/api-keys`).set(owner).send({ name: 'fuzz', scopes: allScopes }).expect(201);
  const spareKey = await t.http.post(`/v1/organizations/${org}/api-keys`).set(owner).send({ name: 'fuzz spare', scopes: ['exams:read'] }).expect(201);
  const apiKey = { 'x-api-key': key.body.key as string };

  const candidateId = (await t.http.get('/v1/me').set(candidate).expect(200)).body.userId as string;
  const examinerId = (await t.http.get('/v1/me').set(examiner).expect(200)).body.userId as string;
  await t.http.put(`/v1/organizations/${org}/candidates/lms-fuzz-1`).set(apiKey).send({ email: 'fuzz-1@learner.example', displayName: 'Fuzz One' }).expect(201);

  const courseId = await newCourse(t, author.authorization, ['1', '1.1', '1.2'], 'fuzz-course');
  const documentId = (await t.http.get(`/v1/courses/${courseId}/documents`).set(author).expect(200)).body.items[0].id as string;
  const questions = await newApprovedQuestions(t, author.authorization, courseId, { '1.1': 3, '1.2': 2 });
  const questionIds = Object.values(questions).flat();
  const quizId = (await t.http.get(`/v1/courses/${courseId}/quizzes`).set(candidate).expect(200)).body.items[0]?.id as string | undefined;

  const exam = await t.http
    .post('/v1/exams')
    .set(examiner)
    .send({ courseId, title: 'Fuzz exam', language: 'en', sections: [{ sectionKey: '1', count: 4 }], timeLimitMinutes: 600, maxAttempts: 3 })
    .expect(201);
  const examId = exam.body.id as string;
  await t.http.post(`/v1/exams/${examId}/publish`).set(examiner).expect(200);
  await t.http.post(`/v1/exams/${examId}/enrollments`).set(examiner).send({ userIds: [candidateId] }).expect(200);
  const attemptId = (await t.http.post(`/v1/exams/${examId}/attempts`).set(candidate).expect(201)).body.id as string;

  await t.http.post('/v1/labs').set(author).send(LAB_TASK).expect(201);
  const sessionId = (await t.http.post(`/v1/labs/${LAB_TASK.id}/sessions`).set(candidate).expect(201)).body.id as string;

  const realIds: Record<string, string> = {
    organizationId: org,
    userId: examinerId,
    keyId: spareKey.body.id,
    externalId: 'lms-fuzz-1',
    courseId,
    documentId,
    key: '1.1',
    questionId: questionIds[0]!,
    examId,
    attemptId,
    position: '1',
    taskId: LAB_TASK.id,
    sessionId,
    ...(quizId ? { quizId } : {}),
  };
  return {
    credentials: { owner, author, candidate, apiKey, admin, anonymous: {} },
    realIds,
    realIdLists: { ids: questionIds, userIds: [candidateId], fixedQuestionIds: questionIds.slice(0, 2), questionIds, externalIds: ['lms-fuzz-1'] },
    bodies: { 'POST /v1/labs': { ...LAB_TASK, id: 'fuzz-config-map-2' }, 'PUT /v1/labs/{taskId}': LAB_TASK },
  };
}
