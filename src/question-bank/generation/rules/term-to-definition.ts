import { type RuleContext, cite, shorten, singleChoice, tagsOf, withoutClausesNaming } from '../build.js';
import { display, distractorsNeeded, formsOf, groupOf, isTooGeneral, revealingForms } from '../kinds.js';
import type { Described, SectionMaterial } from '../material-types.js';
import { predicateOption } from '../stems.js';
import type { Candidate } from '../types.js';
import { siblingDescriptions } from './distractors.js';

/** "下列哪一项是对 kubelet 的正确描述？" — the term, the course's description to pick. */
export function termToDefinition(m: SectionMaterial, ctx: RuleContext): Candidate[] {
  const { language } = ctx;
  const out: Candidate[] = [];
  const seen = new Set<string>();
  for (const d of m.described) {
    if (!groupOf(d.entry) || isTooGeneral(d.entry.id) || seen.has(d.entry.id)) continue;
    seen.add(d.entry.id);
    const term = display(d.entry, language);
    const correct = option(d, formsOf(d.entry), language);
    const wrong: string[] = [];
    for (const s of siblingDescriptions(d.entry, d.predicate, ctx)) {
      if (wrong.length === 3) break;
      const text = option(s, [...formsOf(d.entry), ...revealingForms(s.entry)], language);
      if (![correct, ...wrong].includes(text)) wrong.push(text);
    }
    const stem = language === 'zh' ? `下列哪一项是对${term}的正确描述？` : `Which of the following describes ${term}?`;
    const { content, answerKey } = singleChoice(stem, correct, wrong, ctx.rng);
    out.push({
      rule: 'term-to-definition', sectionKey: ctx.sectionKey, sourceSentence: d.sentence, answer: correct,
      difficulty: 'medium', tags: tagsOf([d.entry]), content, answerKey,
      explanation: cite(d.sentence, language),
      leaks: [{ text: correct, forms: revealingForms(d.entry) }],
      distractors: { found: wrong.length, needed: distractorsNeeded(d.entry, ctx.doc.glossary) },
      priority: (d.sectionKey === ctx.sectionKey ? 10 : 0) + (d.source === 'clause' ? 1 : 3),
    });
  }
  return out;
}

/** A description cut to option length, without clauses that name a term. */
function option(d: Described, forms: readonly string[], language: Parameters<typeof shorten>[1]): string {
  const text = shorten(withoutClausesNaming(d.predicate, forms, language), language);
  return predicateOption(d, text, language);
}
