/**
 * Rounds half away from zero to `decimals` places. Going through 15 significant digits first
 * strips binary noise, so 1.005 rounds to 1.01 and 69.995 to 70 as a person would expect.
 */
export function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** decimals;
  const scaled = Number((Math.abs(value) * factor).toPrecision(15));
  return (Math.sign(value) * Math.round(scaled)) / factor || 0;
}

/** 100 × points / maxPoints to two decimals; 0 when nothing could be earned. */
export function percentageOf(points: number, maxPoints: number): number {
  return maxPoints > 0 ? roundTo((100 * points) / maxPoints, 2) : 0;
}
