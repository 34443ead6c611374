import { scoreItem } from './score-item.js';
import { matching, matchingKey } from './spec-fixtures.js';

// The fixture has 4 prompts; key p1→c1, p2→c2, p3→c3, p4→c4; c5 is a spare choice.
const answer = (pairs: Record<string, string>) => scoreItem(matching, matchingKey, { type: 'matching', pairs }, {});

describe('matching', () => {
  it('gives full marks when every prompt is matched right', () => {
    expect(answer({ p1: 'c1', p2: 'c2', p3: 'c3', p4: 'c4' })).toMatchObject({ fraction: 1, outcome: 'correct' });
  });

  it('gives 1/4 per correctly matched prompt', () => {
    // p1, p2, p3 right, p4 wrong: 3/4
    const score = answer({ p1: 'c1', p2: 'c2', p3: 'c3', p4: 'c5' });
    expect(score.fraction).toBeCloseTo(0.75, 12);
    expect(score.detail).toEqual({ type: 'matching', prompts: { p1: true, p2: true, p3: true, p4: false } });
  });

  it('counts unmatched prompts as wrong', () => {
    // only p1 and p3 answered, both right: 2/4
    expect(answer({ p1: 'c1', p3: 'c3' }).fraction).toBeCloseTo(0.5, 12);
  });

  it('scores one choice used for every prompt by the one prompt it fits', () => {
    // all → c2: only p2 right: 1/4
    expect(answer({ p1: 'c2', p2: 'c2', p3: 'c2', p4: 'c2' }).fraction).toBeCloseTo(0.25, 12);
  });

  it('treats no pairs as unanswered', () => {
    expect(answer({}).outcome).toBe('unanswered');
  });

  it('scores a response naming an unknown prompt as 0 without throwing', () => {
    expect(answer({ p1: 'c1', p2: 'c2', p3: 'c3', p4: 'c4', p9: 'c1' })).toMatchObject({ fraction: 0, outcome: 'incorrect', detail: { type: 'invalid' } });
  });
});
