import type { RawItemScore } from './item-score.js';

/** Matching: each prompt is worth 1/prompts; an unmatched prompt is wrong. */
export function scoreMatching(given: Readonly<Record<string, string>>, key: Readonly<Record<string, string>>, promptIds: readonly string[]): RawItemScore {
  const prompts: Record<string, boolean> = {};
  let right = 0;
  for (const id of promptIds) {
    const ok = Object.hasOwn(given, id) && Object.hasOwn(key, id) && given[id] === key[id];
    prompts[id] = ok;
    if (ok) right += 1;
  }
  return { fraction: promptIds.length === 0 ? 0 : right / promptIds.length, detail: { type: 'matching', prompts } };
}
