import { roundTo } from './rounding.js';

export const ATTEMPT_COMBINATION_POLICIES = ['highest', 'last', 'first', 'average'] as const;
export type AttemptCombinationPolicy = (typeof ATTEMPT_COMBINATION_POLICIES)[number];

/**
 * The score that counts when a candidate sat an exam several times. `percentages` are in
 * chronological order (first attempt first); `average` is the arithmetic mean rounded
 * half-up to 2 decimals, like every reported percentage. No attempts → null.
 */
export function combineAttempts(percentages: readonly number[], policy: AttemptCombinationPolicy): number | null {
  if (percentages.length === 0) return null;
  switch (policy) {
    case 'highest':
      return percentages.reduce((best, p) => Math.max(best, p), -Infinity);
    case 'last':
      return percentages[percentages.length - 1]!;
    case 'first':
      return percentages[0]!;
    case 'average':
      return roundTo(percentages.reduce((sum, p) => sum + p, 0) / percentages.length, 2);
  }
}
