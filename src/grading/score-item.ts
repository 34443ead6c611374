import type { AnswerKey, ItemResponse, MultipleResponsePolicy, QuestionContent, QuestionType } from '../question-bank/model/question-types.js';
import type { ItemOutcome, ItemScore, RawItemScore, ScoreItemOptions } from './item-score.js';
import { scoreCloze } from './score-cloze.js';
import { scoreMatching } from './score-matching.js';
import { scoreMultipleResponse, scoreSingleChoice, scoreTrueFalse } from './score-choice.js';
import { scoreOrdering } from './score-ordering.js';
import { validateResponse } from './validate-response.js';

export const DEFAULT_MULTIPLE_RESPONSE_POLICY: MultipleResponsePolicy = 'partial';

/**
 * Scores one response. Never throws for bad data: a response of another type, with
 * unknown ids or the wrong shape — or a stored key that cannot be graded — scores 0 with
 * an `invalid` detail (the HTTP layer should have rejected such a response through
 * {@link validateResponse}). `null` and cleared responses (no choices, all cloze fields
 * blank, no pairs, empty order) are `unanswered`.
 *
 * points = fraction × weight, maxPoints = weight. Throws RangeError only for a weight that
 * is negative or not finite: that is a bug in the caller, not candidate input.
 */
export function scoreItem(content: QuestionContent, key: AnswerKey, response: ItemResponse | null, options: ScoreItemOptions = {}): ItemScore {
  const weight = options.weight ?? 1;
  if (!Number.isFinite(weight) || weight < 0) throw new RangeError(`item weight must be a finite number ≥ 0, got ${weight}`);
  if (response === null || response === undefined) return { points: 0, maxPoints: weight, fraction: 0, outcome: 'unanswered' };

  const keyProblem = checkKey(content, key);
  const problems = keyProblem ? [keyProblem] : validateResponse(content, response);
  if (problems.length > 0) return { points: 0, maxPoints: weight, fraction: 0, outcome: 'incorrect', detail: { type: 'invalid', problems } };
  if (isCleared(response)) return { points: 0, maxPoints: weight, fraction: 0, outcome: 'unanswered' };

  const raw = grade(content, key, response, options);
  const fraction = Number.isFinite(raw.fraction) ? Math.min(1, Math.max(0, raw.fraction)) : 0;
  return { points: fraction * weight, maxPoints: weight, fraction, outcome: outcomeOf(fraction), detail: raw.detail };
}

function outcomeOf(fraction: number): ItemOutcome {
  if (fraction >= 1) return 'correct';
  return fraction > 0 ? 'partial' : 'incorrect';
}

function isCleared(response: ItemResponse): boolean {
  switch (response.type) {
    case 'multiple-response':
      return response.choices.length === 0;
    case 'cloze':
      return response.blanks.every((text) => text.trim() === '');
    case 'matching':
      return Object.keys(response.pairs).length === 0;
    case 'ordering':
      return response.order.length === 0;
    default:
      return false;
  }
}

// Only what would make the arithmetic meaningless (a division by zero, a blank without
// answers); full checks of a key belong to the question bank's validateQuestion.
function checkKey(content: QuestionContent, key: AnswerKey): string | null {
  if (key?.type !== content.type) return 'the stored answer key does not match the question type';
  const broken =
    (key.type === 'multiple-response' && (!Array.isArray(key.correct) || key.correct.length === 0)) ||
    (key.type === 'cloze' && content.type === 'cloze' && (!Array.isArray(key.accepted) || key.accepted.length !== content.blanks || !key.accepted.every(Array.isArray))) ||
    (key.type === 'matching' && (typeof key.pairs !== 'object' || key.pairs === null)) ||
    (key.type === 'ordering' && content.type === 'ordering' && (!Array.isArray(key.order) || key.order.length !== content.items.length));
  return broken ? 'the stored answer key cannot be graded' : null;
}

// validateResponse and checkKey established that content, key and response share one
// type; the casts only carry that fact to the compiler.
type KeyOf<T extends QuestionType> = Extract<AnswerKey, { type: T }>;
type ContentOf<T extends QuestionType> = Extract<QuestionContent, { type: T }>;

function grade(content: QuestionContent, key: AnswerKey, response: ItemResponse, options: ScoreItemOptions): RawItemScore {
  switch (response.type) {
    case 'single-choice':
      return scoreSingleChoice(response.choice, (key as KeyOf<'single-choice'>).correct);
    case 'true-false':
      return scoreTrueFalse(response.value, (key as KeyOf<'true-false'>).correct);
    case 'multiple-response':
      return scoreMultipleResponse(
        options.multipleResponsePolicy ?? DEFAULT_MULTIPLE_RESPONSE_POLICY,
        (content as ContentOf<'multiple-response'>).options.length,
        response.choices,
        (key as KeyOf<'multiple-response'>).correct,
      );
    case 'cloze':
      return scoreCloze(response.blanks, (key as KeyOf<'cloze'>).accepted);
    case 'matching':
      return scoreMatching(response.pairs, (key as KeyOf<'matching'>).pairs, (content as ContentOf<'matching'>).prompts.map((prompt) => prompt.id));
    case 'ordering':
      return scoreOrdering(response.order, (key as KeyOf<'ordering'>).order);
  }
}
