/**
 * Orders section keys as a reader expects: "1.2" < "1.10" < "2". Dot-separated parts
 * compare numerically when both are digits, otherwise by code unit, so the order never
 * depends on the process locale.
 */
export function compareSectionKeys(a: string, b: string): number {
  const left = a.split('.');
  const right = b.split('.');
  for (let i = 0; i < Math.min(left.length, right.length); i += 1) {
    const x = left[i]!;
    const y = right[i]!;
    if (x === y) continue;
    if (/^\d+$/.test(x) && /^\d+$/.test(y)) {
      const diff = Number(x) - Number(y);
      if (diff !== 0) return diff;
    }
    return x < y ? -1 : 1;
  }
  return left.length - right.length;
}
