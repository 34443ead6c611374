import type { MultipleResponsePolicy } from '../question-bank/model/question-types.js';
import type { RawItemScore, SelectionBreakdown } from './item-score.js';

export function scoreSingleChoice(selected: string, correctOption: string): RawItemScore {
  return { fraction: selected === correctOption ? 1 : 0, detail: { type: 'single-choice', selected, correctOption } };
}

export function scoreTrueFalse(selected: boolean, correctValue: boolean): RawItemScore {
  return { fraction: selected === correctValue ? 1 : 0, detail: { type: 'true-false', selected, correctValue } };
}

export function breakDownSelection(selected: readonly string[], correct: readonly string[]): SelectionBreakdown {
  const key = new Set(correct);
  const chosen = new Set(selected);
  return {
    hits: selected.filter((id) => key.has(id)),
    falsePicks: selected.filter((id) => !key.has(id)),
    missed: correct.filter((id) => !chosen.has(id)),
  };
}

/**
 * Credit for a multiple-response selection. With N options, C of them correct, H hits
 * (correct options selected) and F false picks (wrong options selected):
 *
 * - `all-or-nothing`: 1 when the selection equals the key exactly, else 0.
 * - `partial` (multiple true-false, "MTF"): every option is a true/false judgement worth
 *   1/N — selecting a correct option or leaving a wrong one unselected earns it:
 *   (H + (N − C − F)) / N. Selecting everything earns C/N, never full marks.
 * - `partial-with-penalty`: each hit earns 1/C, each false pick costs 1/(N − C), floored at
 *   0: max(0, H/C − F/(N − C)). Selecting everything earns 0. When every option is correct
 *   no false pick is possible and the penalty term is 0.
 *
 * For any selection, partial-with-penalty ≤ partial (a + b − 1 ≤ a weighted mean of a and b
 * when both are ≤ 1). An empty selection never reaches here: it is unanswered.
 */
export function multipleResponseFraction(policy: MultipleResponsePolicy, optionCount: number, correctCount: number, hits: number, falsePicks: number): number {
  switch (policy) {
    case 'all-or-nothing':
      return hits === correctCount && falsePicks === 0 ? 1 : 0;
    case 'partial':
      return (hits + (optionCount - correctCount - falsePicks)) / optionCount;
    case 'partial-with-penalty': {
      const wrongOptions = optionCount - correctCount;
      const penalty = wrongOptions > 0 ? falsePicks / wrongOptions : 0;
      return Math.max(0, hits / correctCount - penalty);
    }
  }
}

export function scoreMultipleResponse(policy: MultipleResponsePolicy, optionCount: number, selected: readonly string[], correct: readonly string[]): RawItemScore {
  const breakdown = breakDownSelection(selected, correct);
  const fraction = multipleResponseFraction(policy, optionCount, correct.length, breakdown.hits.length, breakdown.falsePicks.length);
  return { fraction, detail: { type: 'multiple-response', policy, ...breakdown } };
}
