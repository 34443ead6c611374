import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { stringify as stringifyYaml } from 'yaml';
import { CourseSeeder } from '../../src/seeding/course-seeder.js';
import { TaskCatalog } from '../../src/labs/task-catalog.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const run = promisify(execFile);
const KUBECTL = process.env.KUBECTL ?? 'kubectl';

/** Splits a shell-like kubectl line, honouring single quotes (as the task files write them). */
function argv(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]!).slice(1);
}

function responseFor(key: Record<string, unknown>): Record<string, unknown> {
  switch (key.type) {
    case 'single-choice': return { type: key.type, choice: key.correct };
    case 'multiple-response': return { type: key.type, choices: key.correct };
    case 'true-false': return { type: key.type, value: key.correct };
    case 'cloze': return { type: key.type, blanks: (key.accepted as string[][]).map((a) => a[0]) };
    case 'matching': return { type: key.type, pairs: key.pairs };
    default: return { type: key.type, order: key.order };
  }
}

async function until(condition: () => Promise<boolean>, ms = 20000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > end) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('an exam with two quiz sections and two hands-on tasks, end to end to a certificate', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ JWT_ACCESS_TTL_SECONDS: '86400', LAB_MAX_SESSIONS_PER_CANDIDATE: '5' });
  });
  afterAll(() => t.close());

  it('grades the quiz items and the kubectl work in the sandbox, and issues a verifiable certificate', async () => {
    const { courseId } = await t.app.get(CourseSeeder).seed();
    const examiner = `Bearer ${await t.login('examiner')}`;
    const author = `Bearer ${await t.login('author')}`;
    const candidate = `Bearer ${await t.login('candidate')}`;
    const candidateId = (await t.http.get('/v1/me').set('authorization', candidate)).body.userId;
    const exam = await t.http
      .post('/v1/exams')
      .set('authorization', examiner)
      .send({
        courseId,
        title: 'Kubernetes fundamentals with labs',
        language: 'en',
        sections: [{ sectionKey: '3', count: 3 }, { sectionKey: '5', count: 3 }],
        labTasks: [{ taskId: 'deployment-basics', weight: 10 }, { taskId: 'config-and-secret', weight: 10 }],
        passMark: 80,
        certificateValidityMonths: 24,
        reviewPolicy: 'full-review',
      })
      .expect(201);
    await t.http.post(`/v1/exams/${exam.body.id}/publish`).set('authorization', examiner).expect(200);
    await t.http.post(`/v1/exams/${exam.body.id}/enrollments`).set('authorization', examiner).send({ userIds: [candidateId] }).expect(200);

    const attempt = (await t.http.post(`/v1/exams/${exam.body.id}/attempts`).set('authorization', candidate).expect(201)).body;
    expect(attempt.labTasks.map((l: { taskId: string }) => l.taskId)).toEqual(['deployment-basics', 'config-and-secret']);
    for (const item of attempt.items) {
      const key = (await t.http.get(`/v1/questions/${item.questionId}`).set('authorization', author).expect(200)).body.answerKey;
      await t.http.put(`/v1/attempts/${attempt.id}/answers/${item.position}`).set('authorization', candidate).send({ response: responseFor(key), version: 0 }).expect(200);
    }

    // The candidate does the hands-on part with kubectl and the kubeconfig each session gives.
    const catalog = t.app.get(TaskCatalog);
    const dir = mkdtempSync(join(tmpdir(), 'kq-exam-labs-'));
    for (const taskId of ['deployment-basics', 'config-and-secret']) {
      const session = await t.http.post(`/v1/attempts/${attempt.id}/labs/${taskId}/session`).set('authorization', candidate).expect(201);
      const kubeconfig = join(dir, `${taskId}.yaml`);
      writeFileSync(kubeconfig, session.body.kubeconfig);
      const solution = catalog.shippedTask(taskId)!.solution;
      if (solution.manifests?.length) {
        const file = join(dir, `${taskId}-solution.yaml`);
        writeFileSync(file, solution.manifests.map((m) => stringifyYaml(m)).join('---\n'));
        await run(KUBECTL, ['--kubeconfig', kubeconfig, 'apply', '-f', file], { timeout: 30000 });
      } else {
        for (const line of solution.kubectl ?? []) await run(KUBECTL, ['--kubeconfig', kubeconfig, ...argv(line)], { timeout: 30000 });
      }
      await t.http.post(`/v1/attempts/${attempt.id}/labs/${taskId}/session`).set('authorization', candidate).expect(409);
      // Practice-style validation of the same session while the sandbox's controllers converge.
      await until(async () => {
        const check = await t.http.post(`/v1/labs/${taskId}/sessions/${session.body.id}/validate`).set('authorization', candidate);
        return check.status === 200 && check.body.percentage === 100;
      });
      // full-review exams show the per-check results on demand too.
      const shown = await t.http.post(`/v1/labs/${taskId}/sessions/${session.body.id}/validate`).set('authorization', candidate).expect(200);
      expect(shown.body.checks.every((c: { passed: boolean }) => c.passed)).toBe(true);
    }

    const result = (await t.http.post(`/v1/attempts/${attempt.id}/submit`).set('authorization', candidate).expect(200)).body;
    expect(result.labTasks).toEqual([
      expect.objectContaining({ taskId: 'deployment-basics', points: 10, maxPoints: 10, passed: true }),
      expect.objectContaining({ taskId: 'config-and-secret', points: 10, maxPoints: 10, passed: true }),
    ]);
    expect(result).toMatchObject({ percentage: 100, passed: true, maxPoints: 26 });

    const certificates = await t.http.get('/v1/me/certificates').set('authorization', candidate).expect(200);
    const certificate = certificates.body.items?.[0] ?? certificates.body[0];
    expect(certificate).toBeDefined();
    const verification = await t.http.get(`/v1/certificates/${certificate.id}/verification`).expect(200);
    expect(verification.body).toMatchObject({ status: 'valid', exam: { title: 'Kubernetes fundamentals with labs' } });
  });

  it('hides per-check results of an exam lab unless the review policy shows answers', async () => {
    const examiner = `Bearer ${await t.login('examiner')}`;
    const candidate = `Bearer ${await t.login('candidate')}`;
    const candidateId = (await t.http.get('/v1/me').set('authorization', candidate)).body.userId;
    const { courseId } = await t.app.get(CourseSeeder).seed();
    const exam = await t.http
      .post('/v1/exams')
      .set('authorization', examiner)
      .send({ courseId, title: 'Lab only', language: 'en', labTasks: [{ taskId: 'config-and-secret', weight: 5 }], reviewPolicy: 'score-only' })
      .expect(201);
    await t.http.post(`/v1/exams/${exam.body.id}/publish`).set('authorization', examiner).expect(200);
    await t.http.post(`/v1/exams/${exam.body.id}/enrollments`).set('authorization', examiner).send({ userIds: [candidateId] }).expect(200);
    const attempt = (await t.http.post(`/v1/exams/${exam.body.id}/attempts`).set('authorization', candidate).expect(201)).body;
    const session = await t.http.post(`/v1/attempts/${attempt.id}/labs/config-and-secret/session`).set('authorization', candidate).expect(201);
    const check = await t.http.post(`/v1/labs/config-and-secret/sessions/${session.body.id}/validate`).set('authorization', candidate).expect(200);
    expect(check.body.percentage).toBeLessThan(100);
    expect(check.body.checks).toBeUndefined();
    await t.http.post(`/v1/attempts/${attempt.id}/labs/deployment-basics/session`).set('authorization', candidate).expect(404);
  });
});
