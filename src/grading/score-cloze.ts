import type { RawItemScore } from './item-score.js';
import { normaliseClozeAnswer } from './normalise-cloze-answer.js';

/**
 * Cloze: each blank is worth 1/blanks and is right when its normalised text equals one of
 * that blank's normalised accepted answers. A blank left empty is wrong.
 */
export function scoreCloze(answers: readonly string[], accepted: readonly (readonly string[])[]): RawItemScore {
  const blanks = accepted.map((options, i) => {
    const given = normaliseClozeAnswer(answers[i] ?? '');
    return given !== '' && options.some((option) => typeof option === 'string' && normaliseClozeAnswer(option) === given);
  });
  const right = blanks.filter(Boolean).length;
  return { fraction: blanks.length === 0 ? 0 : right / blanks.length, detail: { type: 'cloze', blanks } };
}
