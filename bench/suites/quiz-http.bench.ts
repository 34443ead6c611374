import { startBareServer } from '../lib/bare-server.js';
import type { BenchApp } from '../lib/bench-app.js';
import { load } from '../lib/http-load.js';
import type { BenchRow } from '../lib/report.js';
import { CourseSeeder } from '../../src/seeding/course-seeder.js';
import { DEMO_ACCOUNTS } from '../../src/seeding/demo-seeder.js';

const CONNECTIONS = 100;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

/** GET /v1/quizzes/{id} (a chapter quiz of the shipped course) at 100 connections. */
export async function benchQuizHttp(app: BenchApp): Promise<BenchRow[]> {
  const course = await app.app.get(CourseSeeder).seed();
  const candidate = DEMO_ACCOUNTS.find((a) => a.key === 'candidate')!;
  const login = await fetch(`${app.url}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: candidate.email, password: app.password('candidate') }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const headers = { authorization: `Bearer ${accessToken}`, 'accept-language': 'zh-CN' };
  const path = `/v1/quizzes/${course.courseId}~3?seed=bench`;
  const quiz = await (await fetch(`${app.url}${path}`, { headers })).json();
  const bare = await startBareServer(quiz);
  try {
    const baseline = await load(bare.url, { connections: CONNECTIONS, durationSeconds: SECONDS });
    const measured = await load(`${app.url}${path}`, { connections: CONNECTIONS, durationSeconds: SECONDS, headers });
    if (measured.non2xx > 0) throw new Error(`quiz: ${measured.non2xx} failed responses`);
    const label = 'bare node:http, same JSON';
    return [
      { suite: 'quiz', metric: `GET /v1/quizzes/{id} req/s @${CONNECTIONS}`, value: measured.requestsPerSecond, unit: 'req/s', baseline: baseline.requestsPerSecond, baselineLabel: label },
      { suite: 'quiz', metric: `GET /v1/quizzes/{id} p99 @${CONNECTIONS}`, value: measured.p99Ms, unit: 'ms', baseline: baseline.p99Ms, baselineLabel: label },
    ];
  } finally {
    await bare.close();
  }
}
