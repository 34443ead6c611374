import type { RawItemScore } from './item-score.js';

/**
 * Ordering, "relative to the next item" scoring (as Moodle's ordering question calls it):
 * the key's n items form n − 1 consecutive pairs (k₁k₂, k₂k₃, …); each pair the response
 * keeps adjacent and in that order is worth 1/(n − 1). Only the exact order keeps every
 * pair, the reversed order keeps none, and a random guess keeps 1/n of them on average.
 * A one-item list has no pairs and is right only when it equals the key.
 */
export function scoreOrdering(given: readonly string[], key: readonly string[]): RawItemScore {
  const position = new Map(given.map((id, index) => [id, index]));
  const adjacentPairs = key.slice(1).map((after, i) => {
    const before = key[i]!;
    const a = position.get(before);
    const b = position.get(after);
    return { before, after, kept: a !== undefined && b === a + 1 };
  });
  if (adjacentPairs.length === 0) {
    const exact = given.length === key.length && given.every((id, i) => id === key[i]);
    return { fraction: exact ? 1 : 0, detail: { type: 'ordering', adjacentPairs } };
  }
  const kept = adjacentPairs.filter((pair) => pair.kept).length;
  return { fraction: kept / adjacentPairs.length, detail: { type: 'ordering', adjacentPairs } };
}
