import type { GlossaryEntry } from '../../documents/analysis/index.js';
import type { Language } from '../model/question-types.js';
import { containsForm, textLength } from './text.js';
import type { Candidate, ItemQuality } from './types.js';

/** Items scoring below this are not created; the report counts them as `low-quality`. */
export const MIN_QUALITY = 0.6;

/**
 * Blanks that give themselves away: "Pod" for anything about containers, "kubectl" before
 * any command line.
 */
const OBVIOUS_ANSWERS = new Set(['pod', 'kubectl']);

const PENALTIES = {
  'source-reused': 0.15,
  'three-options': 0.1,
  'obvious-blank': 0.45,
  'answer-in-section-title': 0.45,
  'long-stem': 0.1,
} as const;

export type QualityReason = keyof typeof PENALTIES;

export interface ScoringContext {
  language: Language;
  /** The glossary entry the section title names, if any. */
  topic: GlossaryEntry | null;
  /** Items already built on this candidate's source sentence. */
  sourceUses: number;
}

/**
 * A score in [0, 1] with the reasons that lowered it, so authors review the best items first
 * and the weakest are never drafted: a second item on the same sentence, a choice among only
 * three options, a blank any learner fills with "Pod", an answer the section title names, a
 * stem too long to read at a glance.
 */
export function scoreCandidate(c: Candidate, ctx: ScoringContext): ItemQuality {
  const reasons: QualityReason[] = [];
  if (ctx.sourceUses > 0) reasons.push('source-reused');
  if ((c.content.type === 'single-choice' || c.content.type === 'multiple-response') && c.content.options.length === 3) reasons.push('three-options');
  const answer = c.answer.replace(/^(?:cloze|choice):/, '');
  const entryIds = c.tags;
  if (c.rule === 'cloze-key-term' && entryIds.some((id) => OBVIOUS_ANSWERS.has(id))) reasons.push('obvious-blank');
  if (c.rule === 'cloze-key-term' && ctx.topic && [ctx.topic.en, ctx.topic.zh, ...ctx.topic.aliases].some((f) => f.length > 1 && containsForm(answer, f))) {
    reasons.push('answer-in-section-title');
  }
  const limit = ctx.language === 'zh' ? 90 : 40;
  if (textLength(c.content.stem, ctx.language) > limit) reasons.push('long-stem');
  const score = Math.max(0, Math.round((1 - reasons.reduce((sum, r) => sum + PENALTIES[r], 0)) * 100) / 100);
  return { score, reasons };
}
