import { scoreItem } from './score-item.js';
import { scoreOrdering } from './score-ordering.js';
import { ordering, orderingKey } from './spec-fixtures.js';

// The key is a b c d e: adjacent pairs ab, bc, cd, de, each worth 1/4.
const answer = (...order: string[]) => scoreItem(ordering, orderingKey, { type: 'ordering', order }, {});

describe('ordering (relative to the next item)', () => {
  it('gives full marks for the exact order', () => {
    // 4/4 pairs kept
    expect(answer('a', 'b', 'c', 'd', 'e')).toMatchObject({ fraction: 1, outcome: 'correct' });
  });

  it('gives nothing for the reversed order', () => {
    // e d c b a keeps none of ab, bc, cd, de: 0/4
    expect(answer('e', 'd', 'c', 'b', 'a')).toMatchObject({ fraction: 0, outcome: 'incorrect' });
  });

  it('keeps three pairs when the first item is moved to the end', () => {
    // b c d e a: ab lost, bc cd de kept: 3/4
    const score = answer('b', 'c', 'd', 'e', 'a');
    expect(score.fraction).toBeCloseTo(0.75, 12);
    expect(score.detail).toEqual({
      type: 'ordering',
      adjacentPairs: [
        { before: 'a', after: 'b', kept: false },
        { before: 'b', after: 'c', kept: true },
        { before: 'c', after: 'd', kept: true },
        { before: 'd', after: 'e', kept: true },
      ],
    });
  });

  it('keeps one pair when two middle items are swapped', () => {
    // a b d c e: ab kept; bc (b1, c3) lost; cd (c3, d2) lost; de (d2, e4) lost: 1/4
    expect(answer('a', 'b', 'd', 'c', 'e').fraction).toBeCloseTo(0.25, 12);
  });

  it('credits a rotation for the pairs that stay together', () => {
    // c d e a b: ab kept (3,4), bc lost, cd kept, de kept: 3/4
    expect(answer('c', 'd', 'e', 'a', 'b').fraction).toBeCloseTo(0.75, 12);
  });

  it('scores a list with a repeated item as 0 without throwing', () => {
    expect(answer('a', 'a', 'b', 'c', 'd')).toMatchObject({ fraction: 0, outcome: 'incorrect', detail: { type: 'invalid' } });
  });

  it('treats an empty order as unanswered', () => {
    expect(answer().outcome).toBe('unanswered');
  });

  it('gives full marks to a one-item list (no pairs) equal to the key', () => {
    expect(scoreOrdering(['a'], ['a']).fraction).toBe(1);
  });

  it('gives nothing to a one-item key answered with something else', () => {
    expect(scoreOrdering([], ['a']).fraction).toBe(0);
  });
});
