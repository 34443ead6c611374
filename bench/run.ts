// `npm run bench`: every benchmark, one table, ratios against baselines run in the same
// process. BENCH_SECONDS sets each load test's duration; BENCH_ONLY=http,quiz,exam,documents,
// generation,grading,certificates,sandbox,controllers,labs,compression picks suites.
import 'reflect-metadata';
import { startBenchApp } from './lib/bench-app.js';
import { printTable, type BenchRow } from './lib/report.js';
import { benchCompression } from './suites/compression.bench.js';
import { benchExamLoad } from './suites/exam-load.bench.js';
import { benchHttpFoundation } from './suites/http-foundation.bench.js';
import { benchLibraries } from './suites/library.bench.js';
import { benchQuizHttp } from './suites/quiz-http.bench.js';

const only = process.env.BENCH_ONLY?.split(',');
const wanted = (suite: string) => !only || only.includes(suite);

async function main(): Promise<void> {
  const rows: BenchRow[] = [];
  rows.push(...(await benchLibraries(wanted)));
  const appSuites = [
    ['http', benchHttpFoundation],
    ['quiz', benchQuizHttp],
    ['exam', benchExamLoad],
    ['compression', benchCompression],
  ] as const;
  for (const [suite, run] of appSuites) {
    if (!wanted(suite)) continue;
    const app = await startBenchApp();
    try {
      rows.push(...(await run(app)));
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
