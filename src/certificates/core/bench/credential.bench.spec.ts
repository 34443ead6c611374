import { benchCredentials } from './credential.bench.js';

it('benchCredentials reports issue, verify and PDF throughput', async () => {
  const rows = await benchCredentials({ warmupMs: 10, measureMs: 50 });
  expect(rows.map((r) => r.name)).toEqual([
    expect.stringContaining('issue'),
    expect.stringContaining('verify'),
    expect.stringContaining('PDF'),
  ]);
  for (const row of rows) {
    expect(row.unit).toBe('ops/s');
    expect(row.value).toBeGreaterThan(0);
  }
}, 30_000);
