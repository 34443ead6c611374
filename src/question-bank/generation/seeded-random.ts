import { createHash } from 'node:crypto';
import { SeededRandom } from '../../common/random/seeded-random.js';

/**
 * The project's one seeded PRNG, with `pick`. Generation derives one stream per section and
 * rule, so adding a section or a rule does not reshuffle the others' choices.
 */
export class Rng extends SeededRandom {
  /** `n` items in a random order (fewer if there are not enough). */
  pick<T>(items: readonly T[], n: number): T[] {
    return this.shuffle(items).slice(0, n);
  }
}

/** Short stable hex hash of any JSON-serialisable value. */
export function stableHash(value: unknown, length = 24): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, length);
}
