/** Share of candidates in each extreme group (Kelley's 27 %). */
export const EXTREME_GROUP_SHARE = 0.27;

// Totals are sums of fractions; ones this close are the same score written two ways.
const TIE_DECIMALS = 9;

export interface ScoredCandidate {
  /** The candidate's total test score, used for ranking. */
  total: number;
  /** The candidate's score on the item, 0..1. */
  item: number;
}

/**
 * Upper–lower discrimination index D = (mean item score of the top group) − (mean item
 * score of the bottom group), groups of g = max(1, round(0.27 · n)) candidates ranked by
 * total score; for right/wrong items the means are the proportions correct.
 *
 * Ties at a group's boundary are shared, not broken arbitrarily: when the s candidates of
 * a tied total compete for r < s remaining places, each counts with weight r/s. The
 * result therefore depends only on the data, never on input order. Null when n < 2 (no
 * two groups) or when every candidate has the same total (no ranking to compare by).
 * g ≤ n/2 for every n ≥ 2, so the groups never overlap except through a shared tie, and
 * then both see the same tied candidates.
 */
export function upperLowerIndex(candidates: readonly ScoredCandidate[]): number | null {
  const n = candidates.length;
  if (n < 2) return null;
  const ranked = candidates
    .map((c) => ({ total: Number(c.total.toFixed(TIE_DECIMALS)), item: c.item }))
    .sort((a, b) => b.total - a.total);
  if (ranked[0]!.total === ranked[n - 1]!.total) return null;
  const size = Math.max(1, Math.round(EXTREME_GROUP_SHARE * n));
  return groupMean(ranked, size) - groupMean([...ranked].reverse(), size);
}

/** Weighted mean item score of the first `size` places of `ranked`, sharing tied places. */
function groupMean(ranked: ReadonlyArray<{ total: number; item: number }>, size: number): number {
  let remaining = size;
  let sum = 0;
  let start = 0;
  while (remaining > 0 && start < ranked.length) {
    let end = start;
    while (end < ranked.length && ranked[end]!.total === ranked[start]!.total) end += 1;
    const blockSum = ranked.slice(start, end).reduce((s, c) => s + c.item, 0);
    const blockSize = end - start;
    if (blockSize <= remaining) {
      sum += blockSum;
      remaining -= blockSize;
    } else {
      sum += (remaining / blockSize) * blockSum;
      remaining = 0;
    }
    start = end;
  }
  return sum / size;
}
