import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_KEY_SCOPES } from '../../../src/organizations/roles.js';
import { newApprovedQuestions, newCourse } from '../../support/factories.js';
import { demoEmail, type TestApp } from '../../support/test-app.js';

export const VICTIM_TASK_TITLE = 'Victim ConfigMap task';
/** The Idempotency-Key the victim's candidate started an attempt with. */
export const VICTIM_START_KEY = 'victim-start-0001';

/** A lab task the victim's author wrote; the same body is what the attacker tries to PUT over it. */
export function authoredLabTask(id: string) {
  return {
    id,
    title: { zh: '创建 ConfigMap', en: VICTIM_TASK_TITLE },
    instructions: { zh: '创建名为 app 的 ConfigMap，键 mode 的值为 prod。', en: 'Create a ConfigMap named app whose key mode is prod.' },
    sections: ['3.1'],
    timeLimitMinutes: 5,
    setup: [],
    solution: { manifests: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app' }, data: { mode: 'prod' } }] },
    wrongSolution: { manifests: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app' }, data: { mode: 'dev' } }], expectFailed: ['mode'] },
    checks: [
      {
        id: 'mode',
        title: { zh: 'mode 为 prod', en: 'mode is prod' },
        weight: 1,
        hint: { zh: '检查键 mode 的值。', en: 'Check the value of the key mode.' },
        section: '3.1',
        target: { apiVersion: 'v1', kind: 'ConfigMap', name: 'app' },
        assert: { field: { path: 'data.mode', equals: 'prod' } },
      },
    ],
  };
}

export interface WebhookReceiver {
  url: string;
  /** The events received, in order. */
  events: string[];
  close(): Promise<void>;
}

/** An HTTP receiver that accepts every webhook (so deliveries settle) and keeps the event names. */
export async function acceptingReceiver(): Promise<WebhookReceiver> {
  const events: string[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      events.push(String((JSON.parse(Buffer.concat(chunks).toString('utf8')) as { type?: string }).type));
      response.statusCode = 204;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // A set-up that fails before close() is reachable must not keep Jest alive.
  server.unref();
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    events,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export type VictimOrganisation = Awaited<ReturnType<typeof victimOrganisation>>;

/**
 * The demo organisation with one of everything that has an id: course, document with two
 * versions, approved and draft questions, an author-written lab task, a published and a
 * draft exam, enrolments (a member and an LMS candidate), a graded attempt with its
 * certificate and a second attempt in progress with a lab session, a practice lab session,
 * a webhook with a settled delivery, an API key, an invitation, its issuer key, and the
 * candidate's practice progress.
 */
export async function victimOrganisation(t: TestApp) {
  const as = async (key: string) => `Bearer ${await t.login(key)}`;
  const [owner, author, examiner, candidate] = [await as('owner'), await as('author'), await as('examiner'), await as('candidate')];
  const organizationId = t.organizationId;
  const org = `/v1/organizations/${organizationId}`;
  const me = async (token: string) => (await t.http.get('/v1/me').set('authorization', token).expect(200)).body.userId as string;
  const [authorUserId, candidateUserId] = [await me(author), await me(candidate)];

  const apiKey = (await t.http.post(`${org}/api-keys`).set('authorization', owner).send({ name: 'victim lms', scopes: [...API_KEY_SCOPES] }).expect(201)).body;
  const externalId = 'victim-lms-1';
  await t.http.put(`${org}/candidates/${externalId}`).set('x-api-key', apiKey.key).send({ email: 'learner@victim.example', displayName: 'Victim Learner' }).expect(201);
  await t.http.post(`${org}/invitations`).set('authorization', owner).send({ email: 'pending@victim.example', roles: ['author'] }).expect(201);

  const courseId = await newCourse(t, author, ['3', '3.1', '5', '5.1'], 'victim-course');
  const documentId = (await t.http.get(`/v1/courses/${courseId}/documents`).set('authorization', author).expect(200)).body.items[0].id as string;
  await t.http
    .post(`/v1/documents/${documentId}/versions`)
    .set('authorization', author)
    .send({ language: 'en', text: '# 3 Section 3\n\nText of 3.\n\n## 3.1 Section 3.1\n\nMore text of 3.1.\n\n# 5 Section 5\n\n## 5.1 Section 5.1\n\nText of 5.1.\n' })
    .expect(201);
  const approved = await newApprovedQuestions(t, author, courseId, { '3.1': 3, '5.1': 3 });
  const draftQuestionId = (
    await t.http
      .post('/v1/questions')
      .set('authorization', author)
      .send({
        courseId,
        language: 'en',
        sectionKeys: ['5.1'],
        difficulty: 'easy',
        content: { type: 'true-false', stem: 'etcd stores the cluster state.' },
        answerKey: { type: 'true-false', correct: true },
      })
      .expect(201)
  ).body.id as string;

  const taskId = 'victim-config-map';
  await t.http.post('/v1/labs').set('authorization', author).send(authoredLabTask(taskId)).expect(201);

  const receiver = await acceptingReceiver();
  const webhookId = (await t.http.post('/v1/webhooks').set('authorization', owner).send({ url: receiver.url, events: ['attempt.graded'] }).expect(201)).body.id as string;

  const blueprint = {
    courseId,
    title: 'Victim exam',
    language: 'en',
    sections: [{ sectionKey: '3', count: 2 }, { sectionKey: '5', count: 2 }],
    labTasks: [{ taskId, weight: 1 }],
    passMark: 50,
    maxAttempts: 5,
  };
  const examId = (await t.http.post('/v1/exams').set('authorization', examiner).send(blueprint).expect(201)).body.id as string;
  await t.http.post(`/v1/exams/${examId}/publish`).set('authorization', examiner).expect(200);
  await t.http.post(`/v1/exams/${examId}/enrollments`).set('authorization', examiner).send({ userIds: [candidateUserId], externalIds: [externalId] }).expect(200);
  const draftExamId = (await t.http.post('/v1/exams').set('authorization', examiner).send({ ...blueprint, title: 'Victim draft' }).expect(201)).body.id as string;

  const startAttempt = async (idempotencyKey: string) =>
    (await t.http.post(`/v1/exams/${examId}/attempts`).set('authorization', candidate).set('idempotency-key', idempotencyKey).expect(201)).body;
  const graded = await startAttempt(VICTIM_START_KEY);
  for (const item of graded.items as Array<{ position: number }>) {
    await t.http.put(`/v1/attempts/${graded.id}/answers/${item.position}`).set('authorization', candidate).send({ response: { type: 'single-choice', choice: 'a' }, version: 0 }).expect(200);
  }
  expect((await t.http.post(`/v1/attempts/${graded.id}/submit`).set('authorization', candidate).expect(200)).body.passed).toBe(true);
  const certificate = await until('the certificate', async () => {
    const page = await t.http.get('/v1/me/certificates?limit=100').set('authorization', candidate).expect(200);
    return (page.body.items as Array<{ id: string; attemptId: string; credential: { credentialStatus: { statusListCredential: string } } }>).find((c) => c.attemptId === graded.id);
  });
  const statusListId = certificate.credential.credentialStatus.statusListCredential.split('/').pop()!;
  // Names and downloads are public by default; the victim's candidate hides them, so strangers must get nothing but the verification.
  await t.http.patch(`/v1/me/certificates/${certificate.id}`).set('authorization', candidate).send({ showName: false }).expect(200);
  const deliveryId = await until('a delivered webhook', async () => {
    const page = await t.http.get(`/v1/webhooks/${webhookId}/deliveries`).set('authorization', owner).expect(200);
    return (page.body.items as Array<{ id: string; status: string }>).find((d) => d.status === 'delivered')?.id;
  });

  // Practised before the second attempt starts: while it runs, /check refuses its items (409).
  await t.http
    .post(`/v1/quizzes/${courseId}~3/check`)
    .set('authorization', candidate)
    .send({ language: 'en', answers: [{ questionId: approved['3.1']![0]!, response: { type: 'single-choice', choice: 'a' } }] })
    .expect(200);

  const inProgress = await startAttempt('victim-start-0002');
  const position = (inProgress.items as Array<{ position: number }>)[0]!.position;
  await t.http.put(`/v1/attempts/${inProgress.id}/answers/${position}`).set('authorization', candidate).send({ response: { type: 'single-choice', choice: 'a' }, version: 0 }).expect(200);
  const examLabSessionId = (await t.http.post(`/v1/attempts/${inProgress.id}/labs/${taskId}/session`).set('authorization', candidate).expect(201)).body.id as string;
  const practiceSessionId = (await t.http.post(`/v1/labs/${taskId}/sessions`).set('authorization', candidate).expect(201)).body.id as string;

  const admin = await as('admin');
  const clusterId = (await t.http.get('/v1/clusters').set('authorization', admin).expect(200)).body[0].id as string;

  return {
    organizationId,
    callers: { owner, author, examiner, candidate },
    apiKey: apiKey.key as string,
    /** A's real ids for each path parameter; several where the state matters (draft/published, in progress/graded). */
    ids: {
      organizationId: [organizationId],
      userId: [authorUserId, candidateUserId],
      keyId: [apiKey.id as string],
      externalId: [externalId],
      courseId: [courseId],
      documentId: [documentId],
      key: ['3.1'],
      questionId: [approved['3.1']![0]!, draftQuestionId],
      quizId: [`${courseId}~3`],
      examId: [examId, draftExamId],
      attemptId: [inProgress.id as string, graded.id as string],
      position: [String(position)],
      certificateId: [certificate.id],
      statusListId: [statusListId],
      taskId: [taskId],
      sessionId: [practiceSessionId, examLabSessionId],
      webhookId: [webhookId],
      deliveryId: [deliveryId],
      clusterId: [clusterId],
    } satisfies Record<string, string[]>,
    approvedQuestionId: approved['3.1']![0]!,
    candidateEmail: demoEmail('candidate'),
    webhookEvents: receiver.events,
    /** The in-progress attempt, for a last test that submits it. */
    inProgressAttemptId: inProgress.id as string,
    close: () => receiver.close(),
  };
}
