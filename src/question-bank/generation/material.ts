import { analyseSection, type Glossary, matchTerms, type SectionAnalysis } from '../../documents/analysis/index.js';
import type { Section } from '../../documents/parsing/index.js';
import type { Language } from '../model/question-types.js';
import { groupOf } from './kinds.js';
import { titleEntry } from './title-entry.js';
import { describedFrom, shape } from './material-described.js';
import { labeledLists, statementLists, termLists } from './material-lists.js';
import type { Chain, Described, SectionMaterial } from './material-types.js';
import { withoutOutdatedClaims } from './outdated.js';
import { hasDanglingReference, textLength } from './text.js';
import type { FlaggedSentence } from './types.js';

export type { Chain, Described, LabeledList, SectionMaterial, StatementList, TermList } from './material-types.js';

/** Everything the rules read about one document: per-section material and a term index. */
export interface DocumentMaterial {
  language: Language;
  glossary: Glossary;
  sections: Section[];
  /** Own material of each section (its own text only). */
  own: Map<string, SectionMaterial>;
  /** Descriptions of each glossary entry anywhere in the document, in order. */
  descriptions: Map<string, Described[]>;
  /** Every sentence of the document, for "is this swap still true somewhere?" checks. */
  allSentences: string[];
  /** Glossary ids the document mentions anywhere: terms a learner of this course has met. */
  mentioned: Set<string>;
  /** The sentences that name each glossary id. */
  sentencesMentioning: Map<string, string[]>;
  /** Sections whose analysis failed, with the reason; they contribute empty material. */
  failed: Map<string, string>;
  /** Sentences left out for stating something outdated. */
  flagged: FlaggedSentence[];
}

/** Analyses every section and indexes descriptions by glossary id. */
export function buildMaterial(sections: readonly Section[], language: Language, glossary: Glossary): DocumentMaterial {
  const own = new Map<string, SectionMaterial>();
  const descriptions = new Map<string, Described[]>();
  const allSentences: string[] = [];
  const failed = new Map<string, string>();
  const flagged: FlaggedSentence[] = [];
  for (const section of sections) {
    // One section the analysis cannot read must not cost the author the whole bank.
    let analysis: SectionAnalysis;
    let material: SectionMaterial;
    try {
      analysis = analyseSection(section, glossary, { language });
      const checked = withoutOutdatedClaims(sectionMaterial(section, analysis, language, glossary), language, glossary);
      material = checked.material;
      flagged.push(...checked.flagged);
    } catch (error) {
      failed.set(section.key, error instanceof Error ? error.message : String(error));
      own.set(section.key, emptyMaterial(section));
      continue;
    }
    own.set(section.key, material);
    allSentences.push(...analysis.sentences.filter((s) => !flagged.some((f) => f.sentence === s)));
    for (const d of material.described) descriptions.set(d.entry.id, [...(descriptions.get(d.entry.id) ?? []), d]);
  }
  const sentencesMentioning = new Map<string, string[]>();
  for (const s of allSentences) {
    for (const id of new Set(matchTerms(s, glossary).map((m) => m.entry.id))) sentencesMentioning.set(id, [...(sentencesMentioning.get(id) ?? []), s]);
  }
  return { language, glossary, sections: [...sections], own, descriptions, allSentences, mentioned: new Set(sentencesMentioning.keys()), sentencesMentioning, failed, flagged };
}

function emptyMaterial(section: Section): SectionMaterial {
  return { sectionKey: section.key, title: section.title, titleEntry: null, sentences: [], described: [], termLists: [], statementLists: [], labeledLists: [], chains: [] };
}

function sectionMaterial(section: Section, analysis: SectionAnalysis, language: Language, glossary: Glossary): SectionMaterial {
  const lists = { term: termLists(section, analysis, language, glossary), statement: statementLists(section, analysis, language), labeled: labeledLists(section, analysis, language, glossary) };
  const described = describedFrom(section, analysis, language, glossary);
  // "Set-based selectors use in, notin and exists": labelled items the definition finder missed.
  for (const pair of lists.labeled.flatMap((l) => l.pairs)) {
    if (!pair.entry || !groupOf(pair.entry) || described.some((d) => d.entry.id === pair.entry!.id)) continue;
    const shaped = shape(pair.description, 'colon', pair.item, pair.label, language);
    if (shaped) described.push({ entry: pair.entry, surface: pair.label, ...shaped, sentence: pair.item, source: 'label', sectionKey: section.key });
  }
  return {
    sectionKey: section.key,
    title: section.title,
    titleEntry: titleEntry(section.title, glossary),
    sentences: resolveLeadingPronouns(analysis.sentences, language, glossary)
      .map((s) => withoutLeadingLabel(s, language, glossary))
      .filter((s) => informative(s, language) && !danglingPronoun(s, language, glossary)),
    described,
    termLists: lists.term,
    statementLists: lists.statement,
    labeledLists: lists.labeled,
    chains: chains(section.key, analysis.sentences, language),
  };
}

/** A sentence worth quizzing on: long enough, a statement, and understandable alone. */
export function informative(sentence: string, language: Language): boolean {
  const len = textLength(sentence, language);
  if (len < (language === 'zh' ? 10 : 6)) return false;
  // Questions and list intros ("IPVS 的优势有：") are not statements.
  if (/[？?：:]$/u.test(sentence.trim())) return false;
  if (hasDanglingReference(sentence, language)) return false;
  return /\p{L}/u.test(sentence);
}

/**
 * "它采用声明式配置" after "Kubernetes 是……": the pronoun is the previous sentence's
 * subject, so the sentence can stand alone once it is named.
 */
function resolveLeadingPronouns(sentences: readonly string[], language: Language, glossary: Glossary): string[] {
  return sentences.map((s, i) => {
    const previous = i > 0 ? sentences[i - 1]! : '';
    const subject = matchTerms(previous, glossary)[0];
    // "Self-healing means Kubernetes … It restarts …": "it" is Kubernetes, not the feature.
    if (!subject || subject.start !== 0 || ((subject.entry.kind === 'feature' || subject.entry.kind === 'concept') && subject.entry.id !== 'kubernetes')) return s;
    if (language === 'zh') return /^它(?!们)/u.test(s) ? `${subject.surface}${/^[A-Za-z]/.test(subject.surface) ? ' ' : ''}${s.slice(1)}` : s;
    if (/^It\s/.test(s)) return `${subject.surface} ${s.slice(3)}`;
    if (/^Its\s/.test(s)) return `${subject.surface}'s ${s.slice(4)}`;
    return s;
  });
}

/**
 * "由来：Kubernetes 以……" → "Kubernetes 以……": a short label that is not a term only
 * announces the sentence; quizzing on it would read like a heading.
 */
function withoutLeadingLabel(sentence: string, language: Language, glossary: Glossary): string {
  const m = /^([^：:，,。]{1,12})\s*[：:]\s*(\S.*)$/su.exec(sentence);
  if (!m) return sentence;
  const label = m[1]!.trim();
  const short = language === 'zh' ? [...label].length <= 6 : label.split(/\s+/).length <= 2;
  const term = matchTerms(label, glossary).some((t) => groupOf(t.entry) !== null);
  return short && !term ? m[2]! : sentence;
}

/** "都经过它", "it authenticates …": a pronoun with nothing before it to point at. */
function danglingPronoun(sentence: string, language: Language, glossary: Glossary): boolean {
  const re = language === 'zh' ? /它|其(?=上|中|他)/u : /\b(?:it|its|they|them|their)\b/i;
  const m = re.exec(sentence);
  if (!m || (language === 'zh' && m[0] === '其')) return false;
  return !matchTerms(sentence.slice(0, m.index), glossary).some((t) => t.entry.id !== 'kubernetes' || language === 'en');
}

/** "客户端 → Ingress → Service → Pod": a path whose hops can be put in order. */
function chains(sectionKey: string, sentences: readonly string[], language: Language): Chain[] {
  const out: Chain[] = [];
  for (const sentence of sentences) {
    if (!/→|->/.test(sentence)) continue;
    const m = language === 'zh'
      ? /^(.*?)(?:是|为)?[：:]\s*(.+?)[。.]?$/u.exec(sentence)
      : /^(.*?)\s+(?:is|are|goes|runs)\s*:?\s+(.+?)\.?$/u.exec(sentence);
    if (!m) continue;
    const hops = m[2]!.split(/\s*(?:→|->)\s*/).map((h) => h.trim()).filter(Boolean);
    if (hops.length >= 3 && hops.every((h) => textLength(h, language) <= 6)) out.push({ sectionKey, sentence, subject: m[1]!.trim(), hops });
  }
  return out;
}

/** Merges the own material of a section and of its descendants (for chapter-level items). */
export function mergeMaterial(parts: readonly SectionMaterial[], sectionKey: string): SectionMaterial {
  const first = parts[0]!;
  return {
    sectionKey,
    title: first.title,
    titleEntry: first.titleEntry,
    sentences: parts.flatMap((p) => p.sentences),
    described: parts.flatMap((p) => p.described),
    termLists: parts.flatMap((p) => p.termLists),
    statementLists: parts.flatMap((p) => p.statementLists),
    labeledLists: parts.flatMap((p) => p.labeledLists),
    chains: parts.flatMap((p) => p.chains),
  };
}

/** Entries of a narrow group among a list of described terms (for matching). */
export function byGroup(described: readonly Described[]): Map<string, Described[]> {
  const out = new Map<string, Described[]>();
  for (const d of described) {
    const g = groupOf(d.entry);
    if (g) out.set(g, [...(out.get(g) ?? []), d]);
  }
  return out;
}
