import { gradeAttempt } from '../grade-attempt.js';
import { syntheticAttempts } from './synthetic-attempts.js';

export interface GradingBenchOptions {
  attempts?: number;
  itemsPerAttempt?: number;
  warmups?: number;
  runs?: number;
}

/**
 * CPU time to grade one synthetic attempt (default 2,000 attempts × 40 mixed items), the
 * median of several timed runs after warm-up runs that let the JIT settle. CPU time
 * (process.cpuUsage, user + system) rather than wall time, so a busy machine inflates the
 * figure less.
 */
export function benchGrading(options: GradingBenchOptions = {}): Array<{ name: string; value: number; unit: string }> {
  const { attempts = 2000, itemsPerAttempt = 40, warmups = 3, runs = 7 } = options;
  const inputs = syntheticAttempts(attempts, itemsPerAttempt);
  // Summing the percentages keeps the results observably used, so no work can be elided.
  let checksum = 0;
  const gradeAll = () => {
    for (const input of inputs) checksum += gradeAttempt(input).percentage;
  };
  for (let i = 0; i < warmups; i += 1) gradeAll();
  const perAttempt: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = process.cpuUsage();
    gradeAll();
    const used = process.cpuUsage(start);
    perAttempt.push((used.user + used.system) / attempts);
  }
  perAttempt.sort((a, b) => a - b);
  const median = perAttempt[Math.floor(perAttempt.length / 2)]!;
  if (!Number.isFinite(checksum)) throw new Error('grading bench produced a non-finite score');
  return [
    { name: `grade ${itemsPerAttempt}-item attempt (median of ${runs})`, value: median, unit: 'µs CPU/attempt' },
    { name: `grade one item (${itemsPerAttempt}-item attempts)`, value: median / itemsPerAttempt, unit: 'µs CPU/item' },
  ];
}
