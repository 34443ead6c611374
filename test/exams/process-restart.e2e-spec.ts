import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findFreePort } from '../../src/database/embedded-postgres.js';
import { newApprovedQuestions, newCourse } from '../support/factories.js';
import { createTestApp, demoEmail, type TestApp } from '../support/test-app.js';

const MAIN = new URL('../../dist/src/main.js', import.meta.url).pathname;

/** The built API as a separate process on the suite's database. */
async function startProcess(databaseUrl: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', SEED_ON_START: 'false', LOG_LEVEL: 'warn', NODE_ENV: 'test' },
    stdio: 'ignore',
  });
  for (let i = 0; i < 100; i += 1) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error('the API process did not start');
}

describe('an API process killed mid-attempt', () => {
  let t: TestApp;
  let examId: string;

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error('run `npm run build` first (npm test does)');
    t = await createTestApp();
    const author = `Bearer ${await t.login('author')}`;
    const examiner = `Bearer ${await t.login('examiner')}`;
    const candidateId = (await t.http.get('/v1/me').set('authorization', `Bearer ${await t.login('candidate')}`)).body.userId;
    const courseId = await newCourse(t, author, ['7']);
    await newApprovedQuestions(t, author, courseId, { '7': 30 });
    examId = (await t.http.post('/v1/exams').set('authorization', examiner).send({ courseId, title: 'Crash', language: 'en', sections: [{ sectionKey: '7', count: 30 }] }).expect(201)).body.id;
    await t.http.post(`/v1/exams/${examId}/publish`).set('authorization', examiner).expect(200);
    await t.http.post(`/v1/exams/${examId}/enrollments`).set('authorization', examiner).send({ userIds: [candidateId] }).expect(200);
  });
  afterAll(() => t.close());

  it('loses no acknowledged answer when killed with SIGKILL and restarted', async () => {
    const port = await findFreePort();
    const base = `http://127.0.0.1:${port}`;
    let child = await startProcess(t.databaseUrl, port);
    try {
      const login = await fetch(`${base}/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: demoEmail('candidate'), password: t.password('candidate') }),
      });
      const { accessToken } = (await login.json()) as { accessToken: string };
      const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
      const started = await fetch(`${base}/v1/exams/${examId}/attempts`, { method: "POST", headers: { authorization: headers.authorization } });
      const attempt = (await started.json()) as { id: string; items: Array<{ position: number }> };
      expect({ status: started.status, attempt }).toMatchObject({ status: 201 });
      expect(attempt.items).toHaveLength(30);

      const acknowledged = new Map<number, string>();
      const save = async (position: number) => {
        const choice = 'abcd'[position % 4]!;
        const response = await fetch(`${base}/v1/attempts/${attempt.id}/answers/${position}`, {
          method: 'PUT',
          headers,
          body: JSON.stringify({ response: { type: 'single-choice', choice }, version: 0 }),
        });
        if (response.status === 200) acknowledged.set(position, choice);
      };
      // A stream of autosaves, four at a time; the process is killed once ten are
      // acknowledged, with more requests still in flight.
      const queue = [...attempt.items];
      const worker = async () => {
        for (let item = queue.shift(); item; item = queue.shift()) await save(item.position).catch(() => undefined);
      };
      const workers = Promise.all([worker(), worker(), worker(), worker()]);
      while (acknowledged.size < 10) await new Promise((resolve) => setTimeout(resolve, 2));
      child.kill('SIGKILL');
      await workers;
      expect(acknowledged.size).toBeGreaterThanOrEqual(10);
      expect(acknowledged.size).toBeLessThan(30);

      child = await startProcess(t.databaseUrl, port);
      const reread = (await (await fetch(`${base}/v1/attempts/${attempt.id}`, { headers })).json()) as { items: Array<{ position: number; answer: { choice: string } | null }> };
      for (const [position, choice] of acknowledged) {
        expect({ position, answer: reread.items.find((i) => i.position === position)?.answer?.choice }).toEqual({ position, answer: choice });
      }
    } finally {
      child.kill('SIGKILL');
    }
  });
});
