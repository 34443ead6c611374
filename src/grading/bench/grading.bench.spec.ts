import { gradeAttempt } from '../grade-attempt.js';
import { benchGrading } from './grading.bench.js';
import { syntheticAttempts } from './synthetic-attempts.js';

describe('grading bench', () => {
  it('reports a positive CPU time per attempt and per item', () => {
    const rows = benchGrading({ attempts: 20, warmups: 0, runs: 1 });
    expect(rows.map((r) => r.unit)).toEqual(['µs CPU/attempt', 'µs CPU/item']);
    for (const row of rows) expect(row.value).toBeGreaterThanOrEqual(0);
  });

  it('grades synthetic attempts of every type without invalid responses', () => {
    const outcomes = new Set<string>();
    for (const input of syntheticAttempts(50, 40)) {
      for (const item of gradeAttempt(input).items) {
        outcomes.add(item.outcome);
        expect(item.detail?.type).not.toBe('invalid');
      }
    }
    expect([...outcomes].sort()).toEqual(['correct', 'incorrect', 'partial', 'unanswered']);
  });

  it('generates the same attempts for the same seed', () => {
    expect(syntheticAttempts(3, 12)).toEqual(syntheticAttempts(3, 12));
  });
});
