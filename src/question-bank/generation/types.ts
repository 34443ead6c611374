import type { Glossary } from '../../documents/analysis/index.js';
import type { Section } from '../../documents/parsing/index.js';
import type { AnswerKey, Difficulty, Language, QuestionContent } from '../model/question-types.js';

export const GENERATION_RULES = [
  'definition-to-term', 'term-to-definition', 'enumeration-multiple-response', 'enumeration-not',
  'cloze-key-term', 'true-false-swap', 'ordering-procedure', 'matching-list',
] as const;
export type GenerationRule = (typeof GENERATION_RULES)[number];

export const REJECTION_REASONS = [
  'answer-in-stem', 'duplicate-options', 'too-few-distractors', 'too-few-options', 'too-short', 'too-long', 'duplicate-item',
  'source-reused', 'true-false-balance', 'low-quality', 'invalid',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** How publishable an item looks, 0 to 1, and what lowered the score. */
export interface ItemQuality {
  score: number;
  reasons: string[];
}

/** One generated quiz item, ready to be stored as a question revision after review. */
export interface GeneratedQuestion {
  sectionKey: string;
  language: Language;
  rule: GenerationRule;
  /** The sentence (or list intro + items) it was built from; compared later to spot stale items. */
  sourceSentence: string;
  /** Stable hash of (rule, sectionKey, language, sourceSentence, answer). */
  fingerprint: string;
  difficulty: Difficulty;
  /** Glossary ids and kinds involved. */
  tags: string[];
  content: QuestionContent;
  answerKey: AnswerKey;
  /** Cites the source sentence, in the item's language. */
  explanation: string;
  quality: ItemQuality;
}

export const SKIP_REASONS = ['analysis-failed', 'rule-failed', 'nothing-to-ask'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/**
 * A section (or one rule on it) the generator could not use. Generation goes on without it,
 * and the author sees why: the bank is never lost to one awkward section.
 */
export interface SkippedSection {
  sectionKey: string;
  reason: SkipReason;
  /** The rule that failed, for `rule-failed`. */
  rule?: string;
  detail: string;
}

/** A source sentence that contradicts current Kubernetes: no item is built on it. */
export interface FlaggedSentence {
  sectionKey: string;
  sentence: string;
  /** Id of the outdated claim in the glossary. */
  factId: string;
  /** The Kubernetes version since which the sentence is wrong. */
  since: string;
  /** What holds now, in the document's language. */
  note: string;
}

export interface GenerationReport {
  generated: GeneratedQuestion[];
  rejected: Array<{ reason: RejectionReason; count: number }>;
  perSection: Array<{ sectionKey: string; generated: number; types: string[] }>;
  skipped: SkippedSection[];
  /** Sentences left out because they state something outdated, for the author to fix. */
  flagged: FlaggedSentence[];
}

export interface GenerationInput {
  sections: Section[];
  language: Language;
  glossary: Glossary;
  seed: string;
  /** Upper bound on accepted items per rule and section (default 4). */
  maxPerRule?: number;
}

/**
 * An item before the quality filter. Besides the question itself it carries what the
 * filter needs to judge it: which texts must not give the answer away, and how many
 * distractors were found against how many the item needs.
 */
export interface Candidate {
  rule: GenerationRule;
  sectionKey: string;
  sourceSentence: string;
  /** Canonical answer text(s), independent of option order: part of the fingerprint. */
  answer: string;
  difficulty: Difficulty;
  tags: string[];
  content: QuestionContent;
  answerKey: AnswerKey;
  explanation: string;
  /** Each text must not contain any of its forms (case-insensitive, spaces ignored). */
  leaks: Array<{ text: string; forms: string[] }>;
  distractors?: { found: number; needed: number };
  /** Higher is tried first within a rule. */
  priority: number;
}
