import type { GlossaryEntry } from '../../../documents/analysis/index.js';
import type { RuleContext } from '../build.js';
import { familySiblings, formsOf, groupOf, isTooGeneral } from '../kinds.js';
import type { Described } from '../material-types.js';
import { containsForm, overlap } from '../text.js';

/** Role verbs carry no meaning of their own when comparing two descriptions. */
export function core(predicate: string): string {
  return predicate.replace(/[，,]?\s*(?:例如|比如|for example|e\.g\.|such as).*$/iu, '').replace(/^(?:负责|用于|用来|是指|是|is responsible for|is used (?:to|for)|responsible for|used (?:to|for)|is|are|means)\s*/iu, '').replace(/^Kubernetes\s*/u, '');
}

/** Whether the course describes `entry` in words close to `predicate` (then it is a true answer too). */
export function describedAlike(entry: GlossaryEntry, predicate: string, ctx: RuleContext): boolean {
  return (ctx.doc.descriptions.get(entry.id) ?? []).some((d) => overlap(core(d.predicate), core(predicate)) >= 0.6);
}

export function mentions(text: string, entry: GlossaryEntry): boolean {
  return formsOf(entry).some((f) => containsForm(text, f));
}

/**
 * Distractors for a question whose answer is `answer`: siblings of the same group first,
 * then of the same family; never one the stem names, never one the course describes the
 * same way, never a term too general to be a real alternative.
 */
export function siblingDistractors(answer: GlossaryEntry, stemText: string, predicate: string, needed: number, ctx: RuleContext): GlossaryEntry[] {
  const ok = familySiblings(answer, ctx.doc.glossary).filter((e) =>
    !isTooGeneral(e.id) && !mentions(stemText, e) && !describedAlike(e, predicate, ctx));
  const near = ok.filter((e) => groupOf(e) === groupOf(answer));
  const far = ok.filter((e) => groupOf(e) !== groupOf(answer));
  // Prefer terms the course itself teaches: they are the plausible confusions.
  const rank = new Map(ok.map((e) => [e.id, (mentions(ctx.sectionText, e) ? 4 : 0) + (ctx.doc.descriptions.has(e.id) ? 2 : 0) + (ctx.doc.mentioned.has(e.id) ? 1 : 0)]));
  const pickFrom = (list: GlossaryEntry[], n: number) => {
    const shuffled = ctx.rng.shuffle(list).sort((a, b) => rank.get(b.id)! - rank.get(a.id)!);
    return shuffled.slice(0, n);
  };
  if (near.length >= needed) return pickFrom(near, Math.min(3, near.length));
  return [...near, ...pickFrom(far, needed - near.length)];
}

/** Siblings the section itself names first: they are the confusions a learner actually meets. */
export function preferNearby(entries: GlossaryEntry[], ctx: RuleContext): GlossaryEntry[] {
  const near = entries.filter((e) => mentions(ctx.sectionText, e));
  return [...ctx.rng.shuffle(near), ...ctx.rng.shuffle(entries.filter((e) => !near.includes(e)))];
}

/** One description per sibling for "which describes X?", closest group first. */
export function siblingDescriptions(answer: GlossaryEntry, correct: string, ctx: RuleContext): Described[] {
  const out: Described[] = [];
  for (const sibling of familySiblings(answer, ctx.doc.glossary)) {
    const ds = (ctx.doc.descriptions.get(sibling.id) ?? []).filter((d) => overlap(core(d.predicate), core(correct)) < 0.6);
    if (ds.length > 0) out.push(ds[0]!);
  }
  const near = out.filter((d) => groupOf(d.entry) === groupOf(answer));
  const far = out.filter((d) => groupOf(d.entry) !== groupOf(answer));
  return [...ctx.rng.shuffle(near), ...ctx.rng.shuffle(far)];
}
