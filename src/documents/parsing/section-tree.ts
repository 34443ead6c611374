import { type NumberPath, pathKey } from './heading-numbers.js';
import type { Section } from './types.js';

/** A section before its tree fields are filled in. */
export interface SectionDraft {
  path: NumberPath;
  title: string;
  body: string;
  text: string;
}

/** Fills key, level, parent and order from the number paths (already unique and ordered). */
export function buildSections(drafts: readonly SectionDraft[]): Section[] {
  const keys = new Set(drafts.map((d) => pathKey(d.path)));
  const childCount = new Map<string | null, number>();
  return drafts.map((d, index) => {
    let parentKey: string | null = null;
    // A numbered outline may skip a level ("1.1" without "1"): attach to the nearest ancestor present.
    for (let depth = d.path.length - 1; depth > 0 && parentKey === null; depth--) {
      const candidate = pathKey(d.path.slice(0, depth));
      if (keys.has(candidate)) parentKey = candidate;
    }
    const order = (childCount.get(parentKey) ?? 0) + 1;
    childCount.set(parentKey, order);
    return {
      key: pathKey(d.path),
      title: d.title,
      level: d.path.length,
      parentKey,
      order,
      index,
      body: d.body,
      text: d.text,
    };
  });
}

/**
 * Numbers headings by position from their depths: depth 2 after depth 1 → "1.1".
 * A jump of several levels counts as one.
 */
export function positionalPaths(depths: readonly number[]): NumberPath[] {
  const stack: number[] = [];
  const levels: number[] = [];
  const out: NumberPath[] = [];
  for (const depth of depths) {
    while (levels.length > 0 && levels[levels.length - 1]! > depth) { levels.pop(); stack.pop(); }
    if (levels.length > 0 && levels[levels.length - 1] === depth) {
      stack[stack.length - 1]!++;
    } else {
      levels.push(depth);
      stack.push(1);
    }
    out.push([...stack]);
  }
  return out;
}
