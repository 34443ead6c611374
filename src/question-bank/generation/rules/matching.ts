import type { GlossaryEntry } from '../../../documents/analysis/index.js';
import { type RuleContext, cite, matching, shorten, tagsOf, withoutClausesNaming } from '../build.js';
import { commonNoun, display, familyOf, groupOf, revealingForms } from '../kinds.js';
import type { Described, SectionMaterial } from '../material-types.js';
import { predicateOption } from '../stems.js';
import type { Candidate } from '../types.js';

interface Pair { prompt: string; choice: string; entry: GlossaryEntry | null; source: string; sectionKey: string }

/**
 * Matching items: the labelled items of one list (controllers to their jobs, proxy modes
 * to their behaviour), or terms of one family described in different places (components
 * to their roles across a chapter). Lists longer than five are split into items of four
 * prompts, and one unused description stays as a decoy choice.
 */
export function matchingItems(m: SectionMaterial, ctx: RuleContext): Candidate[] {
  const { language } = ctx;
  const out: Candidate[] = [];
  // Names give a pair away; descriptive aliases ("一次性任务" for Job) are the description itself.
  const allForms = (pairs: Pair[]) => pairs.flatMap((p) => (p.entry ? namesOf(p.entry) : [p.prompt]));
  for (const list of m.labeledLists) {
    const pairs: Pair[] = list.pairs.map((p) => ({
      prompt: p.entry ? display(p.entry, language) : p.label.replace(/[（(][^）)]*[）)]/gu, '').trim(),
      choice: p.description, entry: p.entry, source: p.item, sectionKey: list.sectionKey,
    }));
    const entries = pairs.map((p) => p.entry).filter((e): e is GlossaryEntry => e !== null);
    const sameGroup = entries.length >= pairs.length * 0.8 && new Set(entries.map((e) => groupOf(e))).size === 1;
    const noun = sameGroup ? commonNoun(entries, language) : null;
    const source = `${list.intro}\n${list.pairs.map((p) => `- ${p.item}`).join('\n')}`;
    out.push(...chunked(pairs, noun, source, list.sectionKey, allForms(pairs), ctx));
  }
  // Terms of one family described across the material (a chapter gathers its sections').
  const byFamily = new Map<string, Described[]>();
  for (const d of m.described) {
    const f = familyOf(d.entry);
    if (!f || d.source === 'clause') continue;
    const list = byFamily.get(f) ?? [];
    if (!list.some((x) => x.entry.id === d.entry.id)) byFamily.set(f, [...list, d]);
  }
  for (const ds of byFamily.values()) {
    if (ds.length < 3 || ds.every((d) => d.source === 'label' && d.sectionKey === ds[0]!.sectionKey)) continue;
    const pairs: Pair[] = ds.map((d) => ({ prompt: display(d.entry, language), choice: predicateOption(d, d.predicate, language), entry: d.entry, source: d.sentence, sectionKey: d.sectionKey }));
    const source = ds.map((d) => d.sentence).join('\n');
    out.push(...chunked(pairs, commonNoun(ds.map((d) => d.entry), language), source, ds[0]!.sectionKey, allForms(pairs), ctx));
  }
  return out;
}

function namesOf(entry: GlossaryEntry): string[] {
  return revealingForms(entry).filter((f) => !entry.aliases.includes(f) || /^[\x00-\x7f]+$/.test(f));
}

function chunked(pairs: Pair[], noun: string | null, source: string, sectionKey: string, forms: string[], ctx: RuleContext): Candidate[] {
  const { language } = ctx;
  const cleaned = pairs.map((p) => ({ ...p, choice: shorten(withoutClausesNaming(p.choice, forms, language), language) }));
  if (cleaned.length < 3) return [];
  const shuffled = ctx.rng.shuffle(cleaned);
  const groups: Pair[][] = shuffled.length <= 5 ? [shuffled] : [];
  if (shuffled.length > 5) for (let i = 0; i < shuffled.length; i += 4) groups.push(shuffled.slice(i, i + 4));
  const out: Candidate[] = [];
  for (const group of groups) {
    if (group.length < 3) continue;
    const decoys = shuffled.length > 5 ? ctx.rng.pick(shuffled.filter((p) => !group.includes(p)), 1).map((p) => p.choice) : [];
    const stem = language === 'zh'
      ? `将下列${noun ?? '各项'}与其描述配对。`
      : `Match each ${noun ?? 'item'} to its description.`;
    const q = matching(stem, group.map((p) => [p.prompt, p.choice] as const), decoys, ctx.rng);
    out.push({
      rule: 'matching-list', sectionKey: ctx.sectionKey, sourceSentence: source,
      answer: group.map((p) => `${p.prompt}=${p.choice}`).sort().join('|'), difficulty: group.length >= 4 ? 'hard' : 'medium',
      tags: tagsOf(group.map((p) => p.entry)), ...q,
      explanation: `${cite(source, language)}`,
      leaks: group.map((p) => ({ text: p.choice, forms: p.entry ? namesOf(p.entry) : [] })),
      priority: (sectionKey === ctx.sectionKey ? 10 : 0) + 3,
    });
  }
  return out;
}
