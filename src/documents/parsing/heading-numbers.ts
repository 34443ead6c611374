/** A section number as a path of positive integers: "3.1.2" → [3, 1, 2]. */
export type NumberPath = readonly number[];

const CN_DIGITS: Record<string, number> = {
  一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Parses Chinese numerals up to 99 (一, 十, 十二, 二十三); NaN otherwise. */
export function parseChineseNumeral(text: string): number {
  if (text === '十') return 10;
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/u.exec(text);
  if (!m || text.length === 0) return Number.NaN;
  const [, tens, ten, units] = m;
  if (!ten) return tens && !units ? CN_DIGITS[tens]! : Number.NaN;
  return (tens ? CN_DIGITS[tens]! : 1) * 10 + (units ? CN_DIGITS[units]! : 0);
}

/** Parses "3", "3.1", "3．1" or Chinese numerals into a path; null when not a number. */
export function parseNumberPath(text: string): NumberPath | null {
  if (/^\d{1,3}(?:[.．]\d{1,3})*$/.test(text)) {
    return text.split(/[.．]/).map(Number);
  }
  const n = parseChineseNumeral(text);
  return Number.isNaN(n) ? null : [n];
}

export function pathKey(path: NumberPath): string {
  return path.join('.');
}

/**
 * How acceptable `next` is as the heading right after `prev` in a numbered outline:
 * 0 = not acceptable, 1 = the expected successor (first child, next sibling, next
 * ancestor), a lower weight when one number was skipped. `prev = null` asks whether
 * `next` can open a document.
 */
export function successorWeight(prev: NumberPath | null, next: NumberPath): number {
  if (prev === null) {
    if (next.every((n) => n === 1)) return 1;
    return next.length === 1 && next[0]! <= 2 ? 0.5 : 0;
  }
  if (next.length === prev.length + 1 && startsWith(next, prev)) {
    return next[next.length - 1] === 1 ? 1 : 0;
  }
  if (next.length > prev.length) return 0;
  const depth = next.length;
  if (!startsWith(next.slice(0, depth - 1), prev.slice(0, depth - 1))) return 0;
  const step = next[depth - 1]! - prev[depth - 1]!;
  if (step === 1) return 1;
  return step === 2 ? 0.4 : 0;
}

function startsWith(path: NumberPath, prefix: NumberPath): boolean {
  return prefix.every((n, i) => path[i] === n);
}

/**
 * True when every heading follows its predecessor as a numbered outline should. With
 * `anyStart` the outline may open at any chapter ("3 Architecture" of an excerpt): right
 * for Markdown, whose headings are certain, not for headings guessed in plain text.
 */
export function isConsistentOutline(paths: readonly NumberPath[], options: { anyStart?: boolean } = {}): boolean {
  let prev: NumberPath | null = null;
  const seen = new Set<string>();
  for (const path of paths) {
    const key = pathKey(path);
    const opens = prev === null && options.anyStart && path.slice(1).every((n) => n === 1);
    if (seen.has(key) || (!opens && successorWeight(prev, path) === 0)) return false;
    seen.add(key);
    prev = path;
  }
  return paths.length > 0;
}
