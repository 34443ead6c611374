const DIGITS = /^\d+$/;

/**
 * Orders section keys as a reader expects: "1.2" < "1.10" < "2". Dot-separated parts
 * compare numerically when both are digits, otherwise by code unit, so the order never
 * depends on the process locale.
 */
export function compareSectionKeys(a: string, b: string): number {
  return compareParts(a.split('.'), b.split('.'));
}

/** The keys in {@link compareSectionKeys} order, splitting each key once rather than per comparison. */
export function sortSectionKeys(keys: Iterable<string>): string[] {
  return [...keys]
    .map((key) => ({ key, parts: key.split('.') }))
    .sort((x, y) => compareParts(x.parts, y.parts))
    .map((entry) => entry.key);
}

function compareParts(left: readonly string[], right: readonly string[]): number {
  for (let i = 0; i < Math.min(left.length, right.length); i += 1) {
    const x = left[i]!;
    const y = right[i]!;
    if (x === y) continue;
    if (DIGITS.test(x) && DIGITS.test(y)) {
      const diff = Number(x) - Number(y);
      if (diff !== 0) return diff;
    }
    return x < y ? -1 : 1;
  }
  return left.length - right.length;
}
