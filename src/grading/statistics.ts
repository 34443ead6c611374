// Sums of fractions carry binary noise (0.1 + 0.2 ≠ 0.3), so a spread this small is
// treated as none; real score data never varies this little.
const ZERO_SPREAD = 1e-12;

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

function squaredDeviations(values: readonly number[]): number {
  const m = mean(values) ?? 0;
  return values.reduce((sum, v) => sum + (v - m) ** 2, 0);
}

/** Sample variance (divisor n − 1); null for fewer than two values. */
export function sampleVariance(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  const variance = squaredDeviations(values) / (values.length - 1);
  return variance <= ZERO_SPREAD ? 0 : variance;
}

/** Sample standard deviation (divisor n − 1); null for fewer than two values. */
export function sampleStandardDeviation(values: readonly number[]): number | null {
  const variance = sampleVariance(values);
  return variance === null ? null : Math.sqrt(variance);
}

/**
 * Pearson's r of paired values; null when fewer than two pairs or when either side does
 * not vary (r is undefined there, not 0).
 */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length !== ys.length) throw new RangeError('pearson needs paired values');
  if (xs.length < 2) return null;
  const mx = mean(xs)!;
  const my = mean(ys)!;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i += 1) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx <= ZERO_SPREAD || syy <= ZERO_SPREAD) return null;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}
