import type { Rng } from './seeded-random.js';
import type { GeneratedQuestion } from './types.js';

/** The largest share either key may take among the true/false items of a bank (50 % ± 10 %). */
export const MAX_TRUE_FALSE_SHARE = 0.6;

/**
 * Keeps true/false keys balanced across a bank: a candidate who answers "true" to every
 * statement must not pass. Drops surplus items of the majority key, first those whose source
 * sentence other items already ask about, then those of the fullest sections; ties are broken
 * by the seeded stream, so the result is deterministic for a seed.
 *
 * @param bySection the accepted items per section key, edited in place
 * @returns how many items were dropped
 */
export function balanceTrueFalse(bySection: Map<string, GeneratedQuestion[]>, sectionOrder: readonly string[], rng: Rng): number {
  const all = sectionOrder.flatMap((key) => bySection.get(key) ?? []);
  const statements = all.filter((q) => q.answerKey.type === 'true-false');
  const yes = statements.filter((q) => q.answerKey.type === 'true-false' && q.answerKey.correct);
  const no = statements.filter((q) => q.answerKey.type === 'true-false' && !q.answerKey.correct);
  const [majority, minority] = yes.length >= no.length ? [yes, no] : [no, yes];
  const allowed = Math.floor((minority.length * MAX_TRUE_FALSE_SHARE) / (1 - MAX_TRUE_FALSE_SHARE) + 1e-9);
  const surplus = majority.length - allowed;
  if (surplus <= 0) return 0;
  const uses = new Map<string, number>();
  for (const q of all) uses.set(q.sourceSentence, (uses.get(q.sourceSentence) ?? 0) + 1);
  const size = (q: GeneratedQuestion) => bySection.get(q.sectionKey)?.length ?? 0;
  const order = rng.shuffle(majority).sort((a, b) => uses.get(b.sourceSentence)! - uses.get(a.sourceSentence)! || size(b) - size(a));
  const drop = new Set(order.slice(0, surplus));
  for (const [key, items] of bySection) bySection.set(key, items.filter((q) => !drop.has(q)));
  return drop.size;
}
