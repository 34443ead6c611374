import type { Section } from '../../documents/parsing/index.js';
import type { Language } from '../model/question-types.js';
import { type RuleContext, tidySpacing } from './build.js';
import type { QuestionContent } from '../model/question-types.js';
import { buildMaterial, type DocumentMaterial, mergeMaterial } from './material.js';
import type { SectionMaterial } from './material-types.js';
import { rejectionReason } from './quality-filter.js';
import { clozeItems } from './rules/cloze.js';
import { definitionToTerm } from './rules/definition-to-term.js';
import { enumerationItems } from './rules/enumeration.js';
import { matchingItems } from './rules/matching.js';
import { orderingItems } from './rules/ordering.js';
import { termToDefinition } from './rules/term-to-definition.js';
import { trueFalseItems } from './rules/true-false.js';
import { Rng, stableHash } from './seeded-random.js';
import {
  type Candidate, GENERATION_RULES, type GeneratedQuestion, type GenerationInput, type GenerationReport,
  type GenerationRule, REJECTION_REASONS, type RejectionReason, type SkippedSection,
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
      picked = selectItems(candidates, taken, { language, maxPerRule, rejected });
    } catch (error) {
      skipped.push({ sectionKey: section.key, reason: 'rule-failed', rule: 'selection', detail: error instanceof Error ? error.message : String(error) });
      picked = { items: [], own: new Set() };
    }
    const { items, own } = picked;
    keysBySection.set(section.key, new Set([...own, ...taken]));
    accepted.set(section.key, items);
  }

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
  };
}

interface SelectionContext {
  language: Language;
  maxPerRule: number;
  /** Rejection counts by reason, shared across the bank. */
  rejected: Map<RejectionReason, number>;
}

/**
 * Picks a section's items from its candidates, best first within each rule, under the
 * per-rule caps; `taken` holds the keys its subsections already used.
 */
function selectItems(candidates: Candidate[], taken: Set<string>, ctx: SelectionContext): { items: GeneratedQuestion[]; own: Set<string> } {
  const { language, maxPerRule, rejected } = ctx;
  const own = new Set<string>();
  const items: GeneratedQuestion[] = [];
  for (const rule of GENERATION_RULES) {
    const ruleCandidates = interleaveClozes(candidates.filter((c) => c.rule === rule).sort((a, b) => b.priority - a.priority));
    let count = 0;
    let choiceClozes = 0;
    const perSource = new Map<string, number>();
    const blanks = new Set<string>();
    // Clozes get a second pass in which a blank already asked as free text may come back
    // as a choice: short sections have few blanks, and the two forms test differently.
    const passes = rule === 'cloze-key-term' ? [...ruleCandidates, ...ruleCandidates.filter((c) => c.content.type !== 'cloze')] : ruleCandidates;
    for (const [n, c] of passes.entries()) {
      if (count >= maxPerRule) break;
      const secondPass = n >= ruleCandidates.length;
      // At most half the cloze slots go to the multiple-choice form of a blank.
      if (rule === 'cloze-key-term' && c.content.type === 'single-choice' && choiceClozes >= Math.ceil(maxPerRule / 2)) continue;
      // Two blanks per sentence at most, so one long list sentence does not fill every slot;
      // a blank is asked once, as free text or as a choice.
      if (rule === 'cloze-key-term' && ((perSource.get(c.sourceSentence) ?? 0) >= 2 || (blanks.has(blankOf(c)) && !secondPass))) continue;
      const key = `${c.rule}|${c.sourceSentence}|${c.answer}`;
      if (secondPass && own.has(key)) continue;
      const reason = taken.has(key) || own.has(key) ? 'duplicate-item' : rejectionReason(c, language);
      if (reason) {
        if (secondPass) continue;
        rejected.set(reason, (rejected.get(reason) ?? 0) + 1);
        continue;
      }
      own.add(key);
      count++;
      if (rule === 'cloze-key-term' && c.content.type === 'single-choice') choiceClozes++;
      perSource.set(c.sourceSentence, (perSource.get(c.sourceSentence) ?? 0) + 1);
      blanks.add(blankOf(c));
      items.push(toQuestion(c, language));
    }
  }
  // A section short of three question types takes the best acceptable item of a missing
  // type even past its rule's cap: variety matters more than the cap for short sections.
  const types = new Set(items.map((i) => i.content.type));
  for (const c of [...candidates].sort((a, b) => b.priority - a.priority)) {
    if (types.size >= 3) break;
    const key = `${c.rule}|${c.sourceSentence}|${c.answer}`;
    if (types.has(c.content.type) || own.has(key) || taken.has(key) || rejectionReason(c, language)) continue;
    own.add(key);
    types.add(c.content.type);
    items.push(toQuestion(c, language));
  }
  return { items, own };
}

/** Free-text and multiple-choice clozes take turns, so a section gets both forms. */
function interleaveClozes(sorted: Candidate[]): Candidate[] {
  if (sorted.length === 0 || sorted[0]!.rule !== 'cloze-key-term') return sorted;
  const free = sorted.filter((c) => c.content.type === 'cloze');
  const choice = sorted.filter((c) => c.content.type !== 'cloze');
  const out: Candidate[] = [];
  while (free.length > 0 || choice.length > 0) {
    if (free.length > 0) out.push(free.shift()!);
    if (choice.length > 0) out.push(choice.shift()!);
  }
  return out;
}

function blankOf(c: Candidate): string {
  return `${c.sourceSentence}|${c.answer.replace(/^(?:cloze|choice):/, '')}`;
}

function context(doc: DocumentMaterial, section: Section, rule: string, seed: string, chapter: boolean): RuleContext {
  return {
    language: doc.language, doc, sectionKey: section.key, chapter, sectionText: doc.own.get(section.key)!.sentences.join('\n'),
    rng: new Rng(`${seed}\u0000${doc.language}\u0000${section.key}\u0000${rule}`),
  };
}

function toQuestion(c: Candidate, language: Language): GeneratedQuestion {
  if (language === 'zh') c = { ...c, content: tidyContent(c.content), explanation: tidySpacing(c.explanation) };
  return {
    sectionKey: c.sectionKey,
    language,
    rule: c.rule as GenerationRule,
    sourceSentence: c.sourceSentence,
    fingerprint: stableHash([c.rule, c.sectionKey, language, c.sourceSentence, c.answer]),
    difficulty: c.difficulty,
    tags: c.tags,
    content: c.content,
    answerKey: c.answerKey,
    explanation: c.explanation,
  };
}

/** Chinese text gets a space between Latin and CJK where templates joined them ("是Kubernetes"). */
function tidyContent(content: QuestionContent): QuestionContent {
  const t = (x: { id: string; text: string }) => ({ ...x, text: tidySpacing(x.text) });
  switch (content.type) {
    case 'single-choice':
    case 'multiple-response':
      return { ...content, stem: tidySpacing(content.stem), options: content.options.map(t) };
    case 'matching':
      return { ...content, stem: tidySpacing(content.stem), prompts: content.prompts.map(t), choices: content.choices.map(t) };
    case 'ordering':
      return { ...content, stem: tidySpacing(content.stem), items: content.items.map(t) };
    default:
      return { ...content, stem: tidySpacing(content.stem) };
  }
}
