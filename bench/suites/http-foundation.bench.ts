import { startBareServer } from '../lib/bare-server.js';
import type { BenchApp } from '../lib/bench-app.js';
import { load } from '../lib/http-load.js';
import type { BenchRow } from '../lib/report.js';
import { DEMO_ACCOUNTS } from '../../src/seeding/demo-seeder.js';

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

/** GET /health and GET /v1/me at 50 connections, each beside a bare node:http server. */
export async function benchHttpFoundation(app: BenchApp): Promise<BenchRow[]> {
  const author = DEMO_ACCOUNTS.find((a) => a.key === 'author')!;
  const loginResponse = await fetch(`${app.url}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: author.email, password: app.password('author') }),
  });
  const { accessToken } = (await loginResponse.json()) as { accessToken: string };
  const headers = { authorization: `Bearer ${accessToken}` };
  const meBody = await (await fetch(`${app.url}/v1/me`, { headers })).json();

  const rows: BenchRow[] = [];
  for (const [name, path, body, requestHeaders] of [
    ['GET /health', '/health', { status: 'ok' }, {}],
    ['GET /v1/me', '/v1/me', meBody, headers],
  ] as const) {
    const bare = await startBareServer(body);
    try {
      const baseline = await load(bare.url, { connections: CONNECTIONS, durationSeconds: SECONDS });
      const measured = await load(`${app.url}${path}`, { connections: CONNECTIONS, durationSeconds: SECONDS, headers: requestHeaders });
      if (measured.non2xx > 0) throw new Error(`${name}: ${measured.non2xx} failed responses`);
      const label = 'bare node:http';
      rows.push(
        { suite: 'http', metric: `${name} req/s @${CONNECTIONS}`, value: measured.requestsPerSecond, unit: 'req/s', baseline: baseline.requestsPerSecond, baselineLabel: label },
        { suite: 'http', metric: `${name} p99 @${CONNECTIONS}`, value: measured.p99Ms, unit: 'ms', baseline: baseline.p99Ms, baselineLabel: label },
      );
    } finally {
      await bare.close();
    }
  }
  return rows;
}
