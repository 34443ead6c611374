/**
 * Rounds half away from zero to `decimals` places. Near a half (where binary noise decides:
 * 1.005 is stored as 1.00499999…) the scaled value is first cut to 15 significant digits,
 * so 1.005 rounds to 1.01 and 69.995 to 70 as a person would expect. Elsewhere a plain
 * Math.round is already unambiguous, and much cheaper.
 */
export function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** decimals;
  let scaled = Math.abs(value) * factor;
  if (Math.abs(scaled - Math.floor(scaled) - 0.5) < 1e-6) scaled = Number(scaled.toPrecision(15));
  return (Math.sign(value) * Math.round(scaled)) / factor || 0;
}

/** 100 × points / maxPoints to two decimals; 0 when nothing could be earned. */
export function percentageOf(points: number, maxPoints: number): number {
  return maxPoints > 0 ? roundTo((100 * points) / maxPoints, 2) : 0;
}
