import { newApprovedQuestions, newCourse } from '../support/factories.js';
import type { TestApp } from '../support/test-app.js';

export const LONG_TTL = String(5 * 365 * 24 * 3600);

/** Staff tokens, a course with approved questions (right answer always "a"), and exam helpers. */
export async function certificateWorld(t: TestApp) {
  const author = `Bearer ${await t.login('author')}`;
  const examiner = `Bearer ${await t.login('examiner')}`;
  const owner = `Bearer ${await t.login('owner')}`;
  const candidate = `Bearer ${await t.login('candidate')}`;
  const candidateId = (await t.http.get('/v1/me').set('authorization', candidate)).body.userId as string;
  const courseId = await newCourse(t, author, ['3', '3.1', '5', '5.1']);
  await newApprovedQuestions(t, author, courseId, { '3.1': 3, '5.1': 3 });

  /** A published exam of 4 questions (pass mark 60) the candidate is enrolled in. */
  async function publishedExam(overrides: object = {}, enrol: { userIds?: string[]; externalIds?: string[] } = { userIds: [candidateId] }): Promise<string> {
    const exam = await t.http
      .post('/v1/exams')
      .set('authorization', examiner)
      .send({
        courseId,
        title: 'Kubernetes Fundamentals',
        language: 'en',
        sections: [
          { sectionKey: '3', count: 2 },
          { sectionKey: '5', count: 2 },
        ],
        passMark: 60,
        maxAttempts: 20,
        certificateValidityMonths: 12,
        ...overrides,
      })
      .expect(201);
    await t.http.post(`/v1/exams/${exam.body.id}/publish`).set('authorization', examiner).expect(200);
    await t.http.post(`/v1/exams/${exam.body.id}/enrollments`).set('authorization', examiner).send(enrol).expect(200);
    return exam.body.id;
  }

  /** Starts, answers `correct` items right (the rest wrong) and submits; returns the result. */
  async function sit(examId: string, correct: number, as = candidate): Promise<{ attemptId: string; passed: boolean; percentage: number }> {
    const attempt = (await t.http.post(`/v1/exams/${examId}/attempts`).set('authorization', as).expect(201)).body;
    for (const [index, item] of (attempt.items as Array<{ position: number }>).entries()) {
      await t.http
        .put(`/v1/attempts/${attempt.id}/answers/${item.position}`)
        .set('authorization', as)
        .send({ response: { type: 'single-choice', choice: index < correct ? 'a' : 'b' }, version: 0 })
        .expect(200);
    }
    const result = (await t.http.post(`/v1/attempts/${attempt.id}/submit`).set('authorization', as).expect(200)).body;
    return { attemptId: attempt.id, passed: result.passed, percentage: result.percentage };
  }

  /** The candidate's certificate for an attempt, from GET /v1/me/certificates. */
  async function myCertificate(attemptId: string, as = candidate) {
    const page = await t.http.get('/v1/me/certificates?limit=100').set('authorization', as).expect(200);
    return (page.body.items as Array<Record<string, unknown> & { attemptId: string }>).find((c) => c.attemptId === attemptId);
  }

  return { author, examiner, owner, candidate, candidateId, courseId, publishedExam, sit, myCertificate };
}

/** One character of the JWT payload changed, keeping it base64url. */
export function tamper(jwt: string): string {
  const [header, payload, signature] = jwt.split('.') as [string, string, string];
  const at = Math.floor(payload.length / 2);
  const swapped = payload[at] === 'A' ? 'B' : 'A';
  return `${header}.${payload.slice(0, at)}${swapped}${payload.slice(at + 1)}.${signature}`;
}

/** supertest keeps binary bodies (PDF) as Buffers only with a parser like this. */
export function binary(response: unknown, done: (error: Error | null, body: Buffer) => void): void {
  const stream = response as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}
