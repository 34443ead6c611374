import type { BenchRow } from '../lib/report.js';
import { benchCredentials } from '../../src/certificates/core/bench/credential.bench.js';
import { benchParseCourse } from '../../src/documents/bench/parse-course.bench.js';
import { benchGrading } from '../../src/grading/bench/grading.bench.js';
import { benchGeneration } from '../../src/question-bank/generation/bench/generation.bench.js';
import { benchSandboxScale } from '../../src/sandbox-cluster/bench/namespace-scale.bench.js';

/** The in-process benchmarks the modules export, as table rows. */
export async function benchLibraries(only: (suite: string) => boolean): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const add = (suite: string, results: Array<{ name: string; value: number; unit: string }>) =>
    rows.push(...results.map((r) => ({ suite, metric: r.name, value: r.value, unit: r.unit })));
  if (only('documents')) add('documents', await benchParseCourse());
  if (only('generation')) add('generation', await benchGeneration());
  if (only('grading')) add('grading', benchGrading());
  if (only('certificates')) add('certificates', await benchCredentials());
  if (only('sandbox')) add('sandbox', await benchSandboxScale());
  return rows;
}
