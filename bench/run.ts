// `npm run bench`: every benchmark, one table, ratios against baselines run in the same
// process. BENCH_SECONDS sets each load test's duration; BENCH_ONLY=http,documents picks suites.
import 'reflect-metadata';
import { startBenchApp } from './lib/bench-app.js';
import { printTable, type BenchRow } from './lib/report.js';
import { benchHttpFoundation } from './suites/http-foundation.bench.js';

const only = process.env.BENCH_ONLY?.split(',');
const wanted = (suite: string) => !only || only.includes(suite);

async function main(): Promise<void> {
  const rows: BenchRow[] = [];
  if (wanted('http')) {
    const app = await startBenchApp();
    try {
      rows.push(...(await benchHttpFoundation(app)));
    } finally {
      await app.close();
    }
  }
  printTable(rows, (line) => process.stdout.write(`${line}\n`));
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
