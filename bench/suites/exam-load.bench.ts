import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import type { BenchApp } from '../lib/bench-app.js';
import type { BenchRow } from '../lib/report.js';
import { CourseSeeder } from '../../src/seeding/course-seeder.js';
import { DEMO_ACCOUNTS } from '../../src/seeding/demo-seeder.js';
import { gradeAttempt } from '../../src/grading/index.js';

const CANDIDATES = Number(process.env.BENCH_CANDIDATES ?? 500);
const ITEMS = 40;
const CONCURRENCY = 100;

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/**
 * 500 candidates (provisioned by an LMS key) each start a 40-item exam of the shipped
 * course, autosave every answer and submit, 100 at a time. Reports throughput, p99 per
 * call kind, and the CPU time the grading itself takes per attempt.
 */
export async function benchExamLoad(app: BenchApp): Promise<BenchRow[]> {
  const course = await app.app.get(CourseSeeder).seed();
  const login = async (key: string) => {
    const account = DEMO_ACCOUNTS.find((a) => a.key === key)!;
    const body = await json<{ accessToken: string }>(
      await fetch(`${app.url}/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: account.email, password: app.password(key) }) }),
    );
    return { authorization: `Bearer ${body.accessToken}`, 'content-type': 'application/json' };
  };
  const owner = await login('owner');
  const examiner = await login('examiner');
  const me = await json<{ organizationId: string }>(await fetch(`${app.url}/v1/me`, { headers: owner }));
  const org = me.organizationId;
  const { key } = await json<{ key: string }>(
    await fetch(`${app.url}/v1/organizations/${org}/api-keys`, { method: 'POST', headers: owner, body: JSON.stringify({ name: 'bench', scopes: ['candidates:write', 'candidates:token', 'enrollments:write'] }) }),
  );
  const lms = { 'x-api-key': key, 'content-type': 'application/json' };
  const exam = await json<{ id: string }>(
    await fetch(`${app.url}/v1/exams`, {
      method: 'POST',
      headers: examiner,
      body: JSON.stringify({ courseId: course.courseId, title: 'Bench exam', language: 'en', sections: [['1', 8], ['2', 10], ['3', 10], ['4', 4], ['5', 8]].map(([k, n]) => ({ sectionKey: k, count: n })), timeLimitMinutes: 120 }),
    }),
  );
  await json(await fetch(`${app.url}/v1/exams/${exam.id}/publish`, { method: 'POST', headers: examiner }));
  const progress = (message: string) => process.stderr.write(`[exam bench] ${message}\n`);
  progress('exam published; provisioning candidates');
  const tokens: string[] = [];
  for (let i = 0; i < CANDIDATES; i += 1) {
    const externalId = `bench-${i}`;
    await json(await fetch(`${app.url}/v1/organizations/${org}/candidates/${externalId}`, { method: 'PUT', headers: lms, body: JSON.stringify({ email: `${externalId}@bench.example`, displayName: `Bench ${i}` }) }));
    tokens.push((await json<{ accessToken: string }>(await fetch(`${app.url}/v1/organizations/${org}/candidates/${externalId}/token`, { method: 'POST', headers: lms }))).accessToken);
  }
  await json(await fetch(`${app.url}/v1/exams/${exam.id}/enrollments`, { method: 'POST', headers: lms, body: JSON.stringify({ externalIds: tokens.map((_, i) => `bench-${i}`) }) }));

  const latencies = { start: [] as number[], save: [] as number[], submit: [] as number[] };
  const timed = async <T>(kind: keyof typeof latencies, call: () => Promise<T>) => {
    const started = performance.now();
    const result = await call();
    latencies[kind].push(performance.now() - started);
    return result;
  };
  const runCandidate = async (token: string) => {
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const attempt = await timed('start', async () => json<{ id: string; items: Array<{ position: number; options?: Array<{ id: string }>; type: string }> }>(await fetch(`${app.url}/v1/exams/${exam.id}/attempts`, { method: 'POST', headers: { authorization: headers.authorization } })));
    for (const item of attempt.items) {
      const response = item.type === 'true-false' ? { type: 'true-false', value: true } : item.options ? { type: item.type, ...(item.type === 'multiple-response' ? { choices: [item.options[0]!.id] } : { choice: item.options[0]!.id }) } : null;
      if (!response) continue;
      await timed('save', async () => json(await fetch(`${app.url}/v1/attempts/${attempt.id}/answers/${item.position}`, { method: 'PUT', headers, body: JSON.stringify({ response, version: 0 }) })));
    }
    await timed('submit', async () => json(await fetch(`${app.url}/v1/attempts/${attempt.id}/submit`, { method: 'POST', headers: { authorization: headers.authorization } })));
  };
  progress(`${tokens.length} candidates enrolled; running attempts`);
  const queue = [...tokens];
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    for (let token = queue.shift(); token; token = queue.shift()) await runCandidate(token);
  }));
  const seconds = (performance.now() - started) / 1000;
  const calls = latencies.start.length + latencies.save.length + latencies.submit.length;

  // Grading CPU per attempt, measured on the real forms just submitted.
  const gradingMicros = await measureGrading(app);
  return [
    { suite: 'exam', metric: `${CANDIDATES} candidates × ${ITEMS} items, calls/s`, value: calls / seconds, unit: 'req/s' },
    { suite: 'exam', metric: 'start attempt p99', value: percentile(latencies.start, 99), unit: 'ms' },
    { suite: 'exam', metric: 'autosave p99', value: percentile(latencies.save, 99), unit: 'ms' },
    { suite: 'exam', metric: 'submit (grade) p99', value: percentile(latencies.submit, 99), unit: 'ms' },
    { suite: 'exam', metric: 'grading CPU per 40-item attempt', value: gradingMicros, unit: 'µs' },
  ];
}

async function measureGrading(app: BenchApp): Promise<number> {
  const dataSource = app.app.get(DataSource);
  const forms: Array<{ items: Array<{ position: number; section_key: string; weight: number; answer: unknown; content: unknown; answer_key: unknown }> }> = await dataSource.query(
    `SELECT json_agg(json_build_object('position', i.position, 'section_key', i.section_key, 'weight', i.weight, 'answer', i.answer, 'content', r.content, 'answer_key', r.answer_key)) AS items
       FROM attempt_items i JOIN question_revisions r ON r.id = i.revision_id GROUP BY i.attempt_id LIMIT 200`,
  );
  const inputs = forms.map((form) => ({
    items: form.items.map((i) => ({ id: String(i.position), sectionKey: i.section_key, content: i.content, key: i.answer_key, weight: i.weight, response: i.answer })),
    passMark: 70,
  })) as Parameters<typeof gradeAttempt>[0][];
  for (const input of inputs) gradeAttempt(input);
  const cpuStart = process.cpuUsage();
  for (let round = 0; round < 10; round += 1) for (const input of inputs) gradeAttempt(input);
  const cpu = process.cpuUsage(cpuStart);
  return (cpu.user + cpu.system) / (10 * inputs.length);
}
