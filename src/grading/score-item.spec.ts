import type { AnswerKey, ItemResponse } from '../question-bank/model/question-types.js';
import { scoreItem } from './score-item.js';
import { cloze, clozeKey, multipleResponse, multipleResponseKey, ordering, singleChoice, singleChoiceKey, trueFalse } from './spec-fixtures.js';

describe('scoreItem weights', () => {
  it('defaults the weight to 1', () => {
    expect(scoreItem(singleChoice, singleChoiceKey, { type: 'single-choice', choice: 'b' }, {})).toMatchObject({ points: 1, maxPoints: 1 });
  });

  it('multiplies the fraction by the weight', () => {
    // partial MR, one hit: (1 + 3)/5 = 0.8; × weight 4 = 3.2 of 4
    const score = scoreItem(multipleResponse, multipleResponseKey, { type: 'multiple-response', choices: ['a'] }, { weight: 4 });
    expect(score.points).toBeCloseTo(3.2, 12);
    expect(score.maxPoints).toBe(4);
  });

  it('gives cloze thirds times the weight', () => {
    // 2 of 3 blanks = 2/3; × weight 1.5 = 1 of 1.5
    const score = scoreItem(cloze, clozeKey, { type: 'cloze', blanks: ['kube-proxy', 'etcd', 'scheduler'] }, { weight: 1.5 });
    expect(score.points).toBeCloseTo(1, 12);
    expect(score.maxPoints).toBe(1.5);
  });

  it('allows a zero weight (an item that counts for nothing)', () => {
    expect(scoreItem(singleChoice, singleChoiceKey, { type: 'single-choice', choice: 'b' }, { weight: 0 })).toMatchObject({ points: 0, maxPoints: 0, fraction: 1, outcome: 'correct' });
  });

  it('rejects a negative or non-finite weight as a caller bug', () => {
    const response: ItemResponse = { type: 'single-choice', choice: 'b' };
    expect(() => scoreItem(singleChoice, singleChoiceKey, response, { weight: -1 })).toThrow(RangeError);
    expect(() => scoreItem(singleChoice, singleChoiceKey, response, { weight: Number.NaN })).toThrow(RangeError);
  });
});

describe('scoreItem without a usable response', () => {
  it('scores null as unanswered, keeping the weight as max points', () => {
    expect(scoreItem(singleChoice, singleChoiceKey, null, { weight: 2 })).toEqual({ points: 0, maxPoints: 2, fraction: 0, outcome: 'unanswered' });
  });

  it('scores an empty multiple-response selection as unanswered', () => {
    expect(scoreItem(multipleResponse, multipleResponseKey, { type: 'multiple-response', choices: [] }, {}).outcome).toBe('unanswered');
  });

  it('scores a response of another type as 0 without throwing', () => {
    const score = scoreItem(singleChoice, singleChoiceKey, { type: 'true-false', value: true }, { weight: 3 });
    expect(score).toEqual({ points: 0, maxPoints: 3, fraction: 0, outcome: 'incorrect', detail: { type: 'invalid', problems: ['response.type must be "single-choice"'] } });
  });

  it('scores an unknown option id as 0 without throwing', () => {
    const score = scoreItem(singleChoice, singleChoiceKey, { type: 'single-choice', choice: 'zz' }, {});
    expect(score).toMatchObject({ points: 0, outcome: 'incorrect', detail: { type: 'invalid' } });
  });

  it('scores a structurally broken response as 0 without throwing', () => {
    const broken = { type: 'ordering', order: 'abcde' } as unknown as ItemResponse;
    expect(scoreItem(ordering, { type: 'ordering', order: ['a', 'b', 'c', 'd', 'e'] }, broken, {})).toMatchObject({ points: 0, outcome: 'incorrect' });
  });

  it('scores 0 when the stored key does not match the question type', () => {
    const key: AnswerKey = { type: 'true-false', correct: true };
    expect(scoreItem(singleChoice, key, { type: 'single-choice', choice: 'b' }, {})).toMatchObject({
      points: 0,
      outcome: 'incorrect',
      detail: { type: 'invalid', problems: ['the stored answer key does not match the question type'] },
    });
  });

  it('scores 0 rather than NaN for a multiple-response key with no correct option', () => {
    const score = scoreItem(multipleResponse, { type: 'multiple-response', correct: [] }, { type: 'multiple-response', choices: ['a'] }, {});
    expect(score).toMatchObject({ points: 0, fraction: 0, detail: { type: 'invalid', problems: ['the stored answer key cannot be graded'] } });
  });

  it('scores 0 for a cloze key with the wrong number of blanks', () => {
    const score = scoreItem(cloze, { type: 'cloze', accepted: [['kube-proxy']] }, { type: 'cloze', blanks: ['kube-proxy', 'etcd', 'x'] }, {});
    expect(score).toMatchObject({ points: 0, detail: { type: 'invalid' } });
  });

  it('does not throw for a cloze key with non-text accepted answers', () => {
    // blank 1 accepts only null (unusable) → wrong; blanks 2 and 3 right: 2/3
    const key = { type: 'cloze', accepted: [[null], ['etcd'], ['控制平面']] } as unknown as AnswerKey;
    expect(scoreItem(cloze, key, { type: 'cloze', blanks: ['kube-proxy', 'etcd', '控制平面'] }, {}).fraction).toBeCloseTo(2 / 3, 12);
    const notLists = { type: 'cloze', accepted: ['kube-proxy', 'etcd', 'x'] } as unknown as AnswerKey;
    expect(scoreItem(cloze, notLists, { type: 'cloze', blanks: ['kube-proxy', 'etcd', 'x'] }, {})).toMatchObject({ points: 0, detail: { type: 'invalid' } });
  });

  it('never throws for arbitrary junk as a response', () => {
    const junk = [undefined, 0, 'x', [], {}, { type: 'cloze' }, { type: 'true-false', value: null }] as unknown as ItemResponse[];
    for (const response of junk) expect(() => scoreItem(trueFalse, { type: 'true-false', correct: false }, response, {})).not.toThrow();
  });
});
