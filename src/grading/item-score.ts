import type { MultipleResponsePolicy } from '../question-bank/model/question-types.js';

export type ItemOutcome = 'correct' | 'partial' | 'incorrect' | 'unanswered';

/** How a candidate's multiple-response selection splits against the key. */
export interface SelectionBreakdown {
  /** Correct options the candidate selected. */
  hits: string[];
  /** Wrong options the candidate selected. */
  falsePicks: string[];
  /** Correct options the candidate left out. */
  missed: string[];
}

/**
 * Per-type facts for feedback. Everything here is derived from the key, so it must only be
 * shown to a candidate once the key may be shown (after a practice check or after results
 * are released).
 */
export type ItemScoreDetail =
  | { type: 'single-choice'; selected: string; correctOption: string }
  | { type: 'true-false'; selected: boolean; correctValue: boolean }
  | ({ type: 'multiple-response'; policy: MultipleResponsePolicy } & SelectionBreakdown)
  /** `blanks[i]` is true when blank i+1 matched one of its accepted answers. */
  | { type: 'cloze'; blanks: boolean[] }
  /** prompt id → whether the candidate matched it to the right choice. */
  | { type: 'matching'; prompts: Record<string, boolean> }
  /** Each consecutive pair of the key and whether the response keeps it adjacent and in order. */
  | { type: 'ordering'; adjacentPairs: Array<{ before: string; after: string; kept: boolean }> }
  /** The response (or the stored key) could not be graded; it scores 0. */
  | { type: 'invalid'; problems: string[] };

export interface ItemScore {
  points: number;
  maxPoints: number;
  /** Share of the item earned, 0..1; `points = fraction × maxPoints`. */
  fraction: number;
  outcome: ItemOutcome;
  /** Absent when unanswered. */
  detail?: ItemScoreDetail;
}

export interface ScoreItemOptions {
  /** Points the item is worth; finite and ≥ 0. Default 1. */
  weight?: number;
  /** Default `partial`. */
  multipleResponsePolicy?: MultipleResponsePolicy;
}

/** What a per-type scorer decides before weighting. */
export interface RawItemScore {
  fraction: number;
  detail: ItemScoreDetail;
}
