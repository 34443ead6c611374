import type { ItemResponse, MultipleResponsePolicy, QuestionContent } from '../question-bank/model/question-types.js';
import { scoreItem } from './score-item.js';
import { multipleResponse, multipleResponseKey, singleChoice, singleChoiceKey, trueFalse, trueFalseKey } from './spec-fixtures.js';

const pick = (...choices: string[]): ItemResponse => ({ type: 'multiple-response', choices });
const mr = (policy: MultipleResponsePolicy, ...choices: string[]) =>
  scoreItem(multipleResponse, multipleResponseKey, pick(...choices), { multipleResponsePolicy: policy });

describe('single-choice', () => {
  it('scores the key as correct', () => {
    const score = scoreItem(singleChoice, singleChoiceKey, { type: 'single-choice', choice: 'b' }, {});
    expect(score).toEqual({ points: 1, maxPoints: 1, fraction: 1, outcome: 'correct', detail: { type: 'single-choice', selected: 'b', correctOption: 'b' } });
  });

  it('scores another option as incorrect', () => {
    const score = scoreItem(singleChoice, singleChoiceKey, { type: 'single-choice', choice: 'a' }, {});
    expect(score).toMatchObject({ points: 0, fraction: 0, outcome: 'incorrect', detail: { selected: 'a', correctOption: 'b' } });
  });
});

describe('true-false', () => {
  it('scores the right value as correct', () => {
    expect(scoreItem(trueFalse, trueFalseKey, { type: 'true-false', value: true }, {})).toMatchObject({ fraction: 1, outcome: 'correct' });
  });

  it('scores the wrong value as incorrect', () => {
    expect(scoreItem(trueFalse, trueFalseKey, { type: 'true-false', value: false }, {})).toMatchObject({
      fraction: 0,
      outcome: 'incorrect',
      detail: { type: 'true-false', selected: false, correctValue: true },
    });
  });
});

// The fixture has N = 5 options (a–e) and C = 2 correct (a, c), so N − C = 3 wrong options.
describe('multiple-response, all-or-nothing', () => {
  it('gives full marks for exactly the key', () => {
    expect(mr('all-or-nothing', 'c', 'a')).toMatchObject({ fraction: 1, outcome: 'correct' });
  });

  it('gives nothing for a correct subset', () => {
    expect(mr('all-or-nothing', 'a')).toMatchObject({ fraction: 0, outcome: 'incorrect' });
  });

  it('gives nothing for the key plus a wrong option', () => {
    expect(mr('all-or-nothing', 'a', 'c', 'd')).toMatchObject({ fraction: 0, outcome: 'incorrect' });
  });
});

describe('multiple-response, partial (per-option true/false)', () => {
  it('gives full marks for exactly the key', () => {
    // H = 2, F = 0: (2 + (5 − 2 − 0)) / 5 = 5/5 = 1
    expect(mr('partial', 'a', 'c')).toMatchObject({ fraction: 1, outcome: 'correct' });
  });

  it('credits one hit and three wrong options left alone', () => {
    // H = 1, F = 0: (1 + (5 − 2 − 0)) / 5 = 4/5 = 0.8
    expect(mr('partial', 'a').fraction).toBeCloseTo(0.8, 12);
  });

  it('charges a false pick as one misjudged option', () => {
    // H = 1, F = 1: (1 + (5 − 2 − 1)) / 5 = 3/5 = 0.6
    expect(mr('partial', 'a', 'b')).toMatchObject({ outcome: 'partial' });
    expect(mr('partial', 'a', 'b').fraction).toBeCloseTo(0.6, 12);
  });

  it('does not give full marks for selecting every option', () => {
    // H = 2, F = 3: (2 + (5 − 2 − 3)) / 5 = 2/5 = 0.4
    expect(mr('partial', 'a', 'b', 'c', 'd', 'e').fraction).toBeCloseTo(0.4, 12);
  });

  it('gives nothing when every judgement is wrong', () => {
    // H = 0, F = 3: (0 + (5 − 2 − 3)) / 5 = 0
    expect(mr('partial', 'b', 'd', 'e')).toMatchObject({ fraction: 0, outcome: 'incorrect' });
  });

  it('reports hits, false picks and missed options', () => {
    expect(mr('partial', 'b', 'a').detail).toEqual({ type: 'multiple-response', policy: 'partial', hits: ['a'], falsePicks: ['b'], missed: ['c'] });
  });

  it('is the default policy', () => {
    // same as 'credits one hit …': 4/5
    expect(scoreItem(multipleResponse, multipleResponseKey, pick('a'), {}).fraction).toBeCloseTo(0.8, 12);
  });
});

describe('multiple-response, partial-with-penalty', () => {
  it('gives full marks for exactly the key', () => {
    // 2/2 − 0/3 = 1
    expect(mr('partial-with-penalty', 'a', 'c')).toMatchObject({ fraction: 1, outcome: 'correct' });
  });

  it('gives 1/C per hit', () => {
    // 1/2 − 0/3 = 0.5
    expect(mr('partial-with-penalty', 'a').fraction).toBeCloseTo(0.5, 12);
  });

  it('takes 1/(N − C) per false pick', () => {
    // 1/2 − 1/3 = 1/6
    expect(mr('partial-with-penalty', 'a', 'b').fraction).toBeCloseTo(1 / 6, 12);
  });

  it('keeps two thirds for the key plus one wrong option', () => {
    // 2/2 − 1/3 = 2/3
    expect(mr('partial-with-penalty', 'a', 'c', 'd').fraction).toBeCloseTo(2 / 3, 12);
  });

  it('gives nothing for selecting every option', () => {
    // 2/2 − 3/3 = 0
    expect(mr('partial-with-penalty', 'a', 'b', 'c', 'd', 'e')).toMatchObject({ fraction: 0, outcome: 'incorrect' });
  });

  it('floors at 0 instead of going negative', () => {
    // 0/2 − 2/3 = −2/3 → 0
    expect(mr('partial-with-penalty', 'b', 'd')).toMatchObject({ points: 0, fraction: 0, outcome: 'incorrect' });
  });

  it('has no penalty term when every option is correct', () => {
    // N = C = 3: H = 2 → 2/3 − 0 (no wrong options to divide by)
    const allCorrect: QuestionContent = {
      type: 'multiple-response',
      stem: 'Which are Kubernetes objects?',
      options: [{ id: 'a', text: 'Pod' }, { id: 'b', text: 'Service' }, { id: 'c', text: 'Namespace' }],
    };
    const score = scoreItem(allCorrect, { type: 'multiple-response', correct: ['a', 'b', 'c'] }, pick('a', 'b'), { multipleResponsePolicy: 'partial-with-penalty' });
    expect(score.fraction).toBeCloseTo(2 / 3, 12);
  });

  it('never scores above partial for the same selection', () => {
    // partial: (1 + (5 − 2 − 1))/5 = 0.6 ≥ penalty: 1/2 − 1/3 ≈ 0.1667
    expect(mr('partial-with-penalty', 'a', 'b').fraction).toBeLessThan(mr('partial', 'a', 'b').fraction);
  });
});
