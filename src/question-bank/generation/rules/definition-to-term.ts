import { type RuleContext, cite, singleChoice, tagsOf, withoutClausesNaming } from '../build.js';
import { commonNoun, display, distractorsNeeded, familySiblings, formsOf, groupOf, isTooGeneral, revealingForms } from '../kinds.js';
import type { SectionMaterial } from '../material-types.js';
import { whichStem } from '../stems.js';
import type { Candidate } from '../types.js';
import { siblingDistractors } from './distractors.js';

/** "下列哪个组件负责维护容器的生命周期？" — the course's description, the term to pick. */
export function definitionToTerm(m: SectionMaterial, ctx: RuleContext): Candidate[] {
  const { language } = ctx;
  const out: Candidate[] = [];
  for (const d of m.described) {
    if (!groupOf(d.entry) || isTooGeneral(d.entry.id)) continue;
    const forms = revealingForms(d.entry);
    // Clauses about the answer's siblings ("…，工作节点运行……") belong to another subject.
    const siblingForms = familySiblings(d.entry, ctx.doc.glossary).flatMap(formsOf);
    const predicate = withoutClausesNaming(d.predicate, [...forms, ...siblingForms], language);
    const needed = distractorsNeeded(d.entry, ctx.doc.glossary);
    const wrong = siblingDistractors(d.entry, predicate, predicate, needed, ctx);
    const shaped = { ...d, predicate };
    const stem = whichStem(commonNoun([d.entry, ...wrong], language), shaped, language);
    const answer = display(d.entry, language);
    const { content, answerKey } = singleChoice(stem, answer, wrong.map((e) => display(e, language)), ctx.rng);
    out.push({
      rule: 'definition-to-term', sectionKey: ctx.sectionKey, sourceSentence: d.sentence, answer,
      difficulty: d.source === 'title' || m.titleEntry?.id === d.entry.id ? 'easy' : 'medium',
      tags: tagsOf([d.entry, ...wrong]), content, answerKey,
      explanation: `${cite(d.sentence, language)}${language === 'zh' ? `答案是${answer}。` : ` The answer is ${answer}.`}`,
      leaks: [{ text: stem, forms }],
      distractors: { found: wrong.length, needed },
      priority: (d.sectionKey === ctx.sectionKey ? 10 : 0) + (d.source === 'clause' ? 1 : 3),
    });
  }
  return out;
}
