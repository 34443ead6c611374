import { combineAttempts } from './combine-attempts.js';

// Chronological: 60, then 80.5, then 70.
const sittings = [60, 80.5, 70];

describe('combineAttempts', () => {
  it('highest takes the best sitting', () => {
    expect(combineAttempts(sittings, 'highest')).toBe(80.5);
  });

  it('last takes the most recent sitting', () => {
    expect(combineAttempts(sittings, 'last')).toBe(70);
  });

  it('first takes the first sitting', () => {
    expect(combineAttempts(sittings, 'first')).toBe(60);
  });

  it('average is the mean rounded to 2 decimals', () => {
    // (60 + 80.5 + 70) / 3 = 210.5 / 3 = 70.1666… → 70.17
    expect(combineAttempts(sittings, 'average')).toBe(70.17);
  });

  it('a single sitting is its own score under every policy', () => {
    for (const policy of ['highest', 'last', 'first', 'average'] as const) expect(combineAttempts([42.5], policy)).toBe(42.5);
  });

  it('no sittings give null', () => {
    expect(combineAttempts([], 'highest')).toBeNull();
    expect(combineAttempts([], 'average')).toBeNull();
  });
});
