import { upperLowerIndex } from './upper-lower.js';

describe('upperLowerIndex', () => {
  it('uses groups of round(0.27 · n) candidates', () => {
    // n = 10 → g = round(2.7) = 3. totals 10…1, item 1 1 0 1 0 1 0 0 1 0
    // top 3 (10, 9, 8): (1 + 1 + 0)/3 = 2/3; bottom 3 (1, 2, 3): (0 + 1 + 0)/3 = 1/3 → D = 1/3
    const items = [1, 1, 0, 1, 0, 1, 0, 0, 1, 0];
    const candidates = items.map((item, i) => ({ total: 10 - i, item }));
    expect(upperLowerIndex(candidates)).toBeCloseTo(1 / 3, 12);
  });

  it('shares a place among candidates tied at the boundary', () => {
    // n = 4 → g = round(1.08) = 1. Two candidates tie at the top (total 3) for one place:
    // each counts ½ → top = (½·1 + ½·0)/1 = 0.5; bottom = the total-0 candidate: 0 → D = 0.5
    const candidates = [
      { total: 3, item: 1 },
      { total: 3, item: 0 },
      { total: 1, item: 0 },
      { total: 0, item: 0 },
    ];
    expect(upperLowerIndex(candidates)).toBeCloseTo(0.5, 12);
  });

  it('does not depend on input order when ties are shared', () => {
    const candidates = [
      { total: 3, item: 0 },
      { total: 0, item: 0 },
      { total: 3, item: 1 },
      { total: 1, item: 0 },
    ];
    expect(upperLowerIndex(candidates)).toBeCloseTo(0.5, 12);
    expect(upperLowerIndex([...candidates].reverse())).toBeCloseTo(0.5, 12);
  });

  it('treats totals equal up to float noise as tied', () => {
    // 0.1 + 0.2 and 0.3 are one score: both share the single top place → (½·1 + ½·0) − 0 = 0.5
    const candidates = [
      { total: 0.1 + 0.2, item: 1 },
      { total: 0.3, item: 0 },
      { total: 0, item: 0 },
      { total: 0.1, item: 0 },
    ];
    expect(upperLowerIndex(candidates)).toBeCloseTo(0.5, 12);
  });

  it('uses groups of one for two candidates', () => {
    // n = 2 → g = round(0.54) → max(1, 1) = 1: 1 − 0 = 1
    expect(upperLowerIndex([{ total: 2, item: 1 }, { total: 1, item: 0 }])).toBe(1);
  });

  it('is null for fewer than two candidates', () => {
    expect(upperLowerIndex([])).toBeNull();
    expect(upperLowerIndex([{ total: 1, item: 1 }])).toBeNull();
  });

  it('is null when every candidate has the same total', () => {
    expect(upperLowerIndex([{ total: 1, item: 1 }, { total: 1, item: 0 }, { total: 1, item: 0 }])).toBeNull();
  });
});
