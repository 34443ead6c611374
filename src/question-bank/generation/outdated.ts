import { type Glossary, outdatedClaim } from '../../documents/analysis/index.js';
import type { Language } from '../model/question-types.js';
import type { SectionMaterial } from './material-types.js';
import type { FlaggedSentence } from './types.js';

/**
 * Removes from a section's material every sentence, list and list item that makes a claim
 * the glossary knows to be outdated, so no item is built on it (a "true" statement that is
 * false today, or a key that is wrong), and returns the flags for the author.
 */
export function withoutOutdatedClaims(m: SectionMaterial, language: Language, glossary: Glossary): { material: SectionMaterial; flagged: FlaggedSentence[] } {
  if (!glossary.outdated || glossary.outdated.length === 0) return { material: m, flagged: [] };
  const flagged = new Map<string, FlaggedSentence>();
  const ok = (text: string): boolean => {
    const fact = outdatedClaim(text, language, glossary);
    if (!fact) return true;
    if (!flagged.has(text)) {
      flagged.set(text, { sectionKey: m.sectionKey, sentence: text, factId: fact.id, since: fact.since, note: fact.note[language] });
    }
    return false;
  };
  const material: SectionMaterial = {
    ...m,
    sentences: m.sentences.filter(ok),
    described: m.described.filter((d) => ok(d.sentence)),
    termLists: m.termLists.filter((l) => ok(l.sentence)),
    statementLists: m.statementLists.flatMap((l) => {
      const items = l.items.filter(ok);
      // An ordered list loses its meaning with a step missing; an unordered one only shrinks.
      const usable = ok(l.intro) && items.length >= 2 && (!l.numbered || items.length === l.items.length);
      return usable ? [{ ...l, items }] : [];
    }),
    labeledLists: m.labeledLists.map((l) => ({ ...l, pairs: l.pairs.filter((p) => ok(p.item)) })).filter((l) => l.pairs.length >= 2),
    chains: m.chains.filter((c) => ok(c.sentence)),
  };
  return { material, flagged: [...flagged.values()] };
}
