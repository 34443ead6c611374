import type { BenchRow } from '../lib/report.js';
import { benchCredentials } from '../../src/certificates/core/bench/credential.bench.js';
import { benchParseCourse } from '../../src/documents/bench/parse-course.bench.js';
import { benchGrading } from '../../src/grading/bench/grading.bench.js';
import { benchGeneration } from '../../src/question-bank/generation/bench/generation.bench.js';
import { benchSandboxScale } from '../../src/sandbox-cluster/bench/namespace-scale.bench.js';
import { benchSandboxControllers } from '../../src/sandbox-cluster/bench/controllers.bench.js';
import { benchChecks } from '../../src/labs/core/bench/checks.bench.js';

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
  if (only('controllers')) add('controllers', await benchSandboxControllers());
  if (only('labs')) {
    // The script-based way (one kubectl process per check) is the baseline of the adapter.
    const results = await benchChecks();
    const value = (name: string) => results.find((r) => r.name === name)?.value;
    for (const p of ['p50', 'p99']) {
      rows.push({
        suite: 'labs',
        metric: `validate a ${value('labs_checks.checks_per_task')}-check task through the adapter, ${p}`,
        value: value(`labs_checks.adapter_validate_${p}`) ?? 0,
        unit: 'ms',
        baseline: value(`labs_checks.kubectl_validate_${p}`),
        baselineLabel: 'one kubectl process per check',
      });
    }
  }
  return rows;
}
