import { request as httpRequest } from 'node:http';
import type { BenchApp } from '../lib/bench-app.js';
import { load } from '../lib/http-load.js';
import type { BenchRow } from '../lib/report.js';
import { CourseSeeder } from '../../src/seeding/course-seeder.js';
import { DEMO_ACCOUNTS } from '../../src/seeding/demo-seeder.js';

const CONNECTIONS = 100;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ENCODINGS = ['gzip', 'br'] as const;

async function login(app: BenchApp, key: string): Promise<string> {
  const account = DEMO_ACCOUNTS.find((a) => a.key === key)!;
  const response = await fetch(`${app.url}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: app.password(key) }),
  });
  return `Bearer ${((await response.json()) as { accessToken: string }).accessToken}`;
}

/** Bytes on the wire for one GET: Node's client, unlike fetch, does not decode them. */
function wireBytes(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () => (response.statusCode === 200 ? resolve(bytes) : reject(new Error(`${url}: ${response.statusCode}`))));
    })
      .on('error', reject)
      .end();
  });
}

/**
 * Issue 16: what gzip and brotli save a mobile client (quiz and Moodle XML export sizes)
 * and what they cost the server (quiz throughput and latency), against the plain body.
 */
export async function benchCompression(app: BenchApp): Promise<BenchRow[]> {
  const course = await app.app.get(CourseSeeder).seed();
  const candidate = { authorization: await login(app, 'candidate'), 'accept-language': 'zh-CN' };
  const author = { authorization: await login(app, 'author') };
  const quiz = `${app.url}/v1/quizzes/${course.courseId}~3?seed=bench`;
  const moodle = `${app.url}/v1/courses/${course.courseId}/question-bank/export?format=moodle-xml&language=zh`;
  const plainLabel = 'identity';
  const rows: BenchRow[] = [];

  for (const [name, url, headers] of [
    ['quiz GET /v1/quizzes/{id}', quiz, candidate],
    ['Moodle XML export', moodle, author],
  ] as const) {
    const plain = await wireBytes(url, headers);
    rows.push({ suite: 'compression', metric: `${name} bytes, identity`, value: plain, unit: 'B' });
    for (const encoding of ENCODINGS) {
      const bytes = await wireBytes(url, { ...headers, 'accept-encoding': encoding });
      rows.push({ suite: 'compression', metric: `${name} bytes, ${encoding}`, value: bytes, unit: 'B', baseline: plain, baselineLabel: plainLabel });
    }
  }

  const run = async (connections: number, encoding?: string) => {
    const result = await load(quiz, { connections, durationSeconds: SECONDS, headers: encoding ? { ...candidate, 'accept-encoding': encoding } : candidate });
    if (result.non2xx > 0) throw new Error(`compression: ${result.non2xx} failed responses`);
    return result;
  };
  const single = await run(1);
  const plain = await run(CONNECTIONS);
  for (const encoding of ENCODINGS) {
    const one = await run(1, encoding);
    const many = await run(CONNECTIONS, encoding);
    rows.push(
      { suite: 'compression', metric: `quiz p50 @1, ${encoding}`, value: one.p50Ms, unit: 'ms', baseline: single.p50Ms, baselineLabel: plainLabel },
      { suite: 'compression', metric: `quiz req/s @${CONNECTIONS}, ${encoding}`, value: many.requestsPerSecond, unit: 'req/s', baseline: plain.requestsPerSecond, baselineLabel: plainLabel },
      { suite: 'compression', metric: `quiz p99 @${CONNECTIONS}, ${encoding}`, value: many.p99Ms, unit: 'ms', baseline: plain.p99Ms, baselineLabel: plainLabel },
    );
  }
  return rows;
}
