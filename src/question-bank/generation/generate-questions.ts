import { type Glossary, type GlossaryEntry, matchTerms } from '../../documents/analysis/index.js';
import type { Section } from '../../documents/parsing/index.js';
import { groupOf, isTooGeneral } from './kinds.js';
import type { Language } from '../model/question-types.js';
import type { RuleContext } from './build.js';
import { buildMaterial, type DocumentMaterial, mergeMaterial } from './material.js';
import type { SectionMaterial } from './material-types.js';
import { balanceTrueFalse } from './balance.js';
import { selectItems } from './select-items.js';
import { clozeItems } from './rules/cloze.js';
import { definitionToTerm } from './rules/definition-to-term.js';
import { enumerationItems } from './rules/enumeration.js';
import { matchingItems } from './rules/matching.js';
import { orderingItems } from './rules/ordering.js';
import { termToDefinition } from './rules/term-to-definition.js';
import { trueFalseItems } from './rules/true-false.js';
import { Rng } from './seeded-random.js';
import {
  type Candidate, type GeneratedQuestion, type GenerationInput, type GenerationReport,
  REJECTION_REASONS, type RejectionReason, type SkippedSection,
} from './types.js';

const DEFAULT_MAX_PER_RULE = 4;

type RuleFn = (m: SectionMaterial, ctx: RuleContext) => Candidate[];
const RULES: ReadonlyArray<readonly [string, RuleFn]> = [
  ['definition-to-term', definitionToTerm],
  ['term-to-definition', termToDefinition],
  ['enumeration', enumerationItems],
  ['cloze', clozeItems],
  ['true-false', trueFalseItems],
  ['ordering', orderingItems],
  ['matching', matchingItems],
];

/**
 * Generates quiz items for every section of one document. Pure and deterministic: the same
 * sections, glossary and seed give byte-identical output. Subsections are generated before
 * their chapter; a chapter draws on its own text and on its subsections' lists and
 * descriptions, and never repeats an item one of them already has.
 */
export function generateQuestions(input: GenerationInput): GenerationReport {
  const { sections, language, glossary, seed } = input;
  const maxPerRule = input.maxPerRule ?? DEFAULT_MAX_PER_RULE;
  const doc = buildMaterial(sections, language, glossary);
  const rejected = new Map<RejectionReason, number>();
  const accepted = new Map<string, GeneratedQuestion[]>();
  const keysBySection = new Map<string, Set<string>>();
  const usedBySource = new Map<string, number>();
  const skipped: SkippedSection[] = [...doc.failed].map(([sectionKey, detail]) => ({ sectionKey, reason: 'analysis-failed', detail }));

  const deepestFirst = [...sections].sort((a, b) => b.level - a.level || a.index - b.index);
  for (const section of deepestFirst) {
    const descendants = sections.filter((s) => s.key.startsWith(`${section.key}.`));
    const material = descendants.length === 0
      ? doc.own.get(section.key)!
      : mergeMaterial([doc.own.get(section.key)!, ...descendants.map((d) => doc.own.get(d.key)!)], section.key);
    const candidates = RULES.flatMap(([name, rule]) => {
      try {
        return rule(material, context(doc, section, name, seed, descendants.length > 0));
      } catch (error) {
        skipped.push({ sectionKey: section.key, reason: 'rule-failed', rule: name, detail: error instanceof Error ? error.message : String(error) });
        return [];
      }
    });
    const taken = new Set<string>(descendants.flatMap((d) => [...(keysBySection.get(d.key) ?? [])]));
    let picked: { items: GeneratedQuestion[]; own: Set<string> };
    try {
      picked = selectItems(candidates, taken, { language, maxPerRule, rejected, usedBySource, topic: topicOf(section, material, glossary) });
    } catch (error) {
      skipped.push({ sectionKey: section.key, reason: 'rule-failed', rule: 'selection', detail: error instanceof Error ? error.message : String(error) });
      picked = { items: [], own: new Set() };
    }
    const { items, own } = picked;
    keysBySection.set(section.key, new Set([...own, ...taken]));
    accepted.set(section.key, items);
  }

  const dropped = balanceTrueFalse(accepted, sections.map((s) => s.key), new Rng(`${seed}\u0000${language}\u0000balance`));
  if (dropped > 0) rejected.set('true-false-balance', dropped);
  const generated = sections.flatMap((s) => accepted.get(s.key) ?? []);
  for (const s of sections) {
    if ((accepted.get(s.key) ?? []).length === 0 && !skipped.some((k) => k.sectionKey === s.key && k.reason === 'analysis-failed')) {
      skipped.push({ sectionKey: s.key, reason: 'nothing-to-ask', detail: 'No statement, definition or list in this section yields an item that passes the quality checks.' });
    }
  }
  skipped.sort((a, b) => sections.findIndex((s) => s.key === a.sectionKey) - sections.findIndex((s) => s.key === b.sectionKey));
  return {
    generated,
    rejected: REJECTION_REASONS.filter((r) => rejected.has(r)).map((reason) => ({ reason, count: rejected.get(reason)! })),
    perSection: sections.map((s) => {
      const items = accepted.get(s.key) ?? [];
      return { sectionKey: s.key, generated: items.length, types: [...new Set(items.map((i) => i.content.type))].sort() };
    }),
    skipped,
    flagged: doc.flagged,
  };
}

/** The term a section is about: its title's glossary entry, or the first grouped term its title names. */
function topicOf(section: Section, material: SectionMaterial, glossary: Glossary): GlossaryEntry | null {
  return material.titleEntry ?? matchTerms(section.title, glossary).map((t) => t.entry).find((e) => groupOf(e) !== null && !isTooGeneral(e.id)) ?? null;
}

function context(doc: DocumentMaterial, section: Section, rule: string, seed: string, chapter: boolean): RuleContext {
  return {
    language: doc.language, doc, sectionKey: section.key, chapter, sectionText: doc.own.get(section.key)!.sentences.join('\n'),
    rng: new Rng(`${seed}\u0000${doc.language}\u0000${section.key}\u0000${rule}`),
  };
}
