import { analyseItems, cronbachAlpha, type CandidateRecord } from './item-analysis.js';

/*
 * Dataset 1: 5 candidates × 4 right/wrong items, everyone sat every item.
 *
 *        I1 I2 I3 I4 | total
 *   A     1  1  1  1 |   4
 *   B     1  1  1  0 |   3
 *   C     1  1  0  0 |   2
 *   D     1  0  1  0 |   2
 *   E     0  0  0  1 |   1
 */
const matrix1: Record<string, number[]> = { A: [1, 1, 1, 1], B: [1, 1, 1, 0], C: [1, 1, 0, 0], D: [1, 0, 1, 0], E: [0, 0, 0, 1] };
const items1 = [{ id: 'I1' }, { id: 'I2' }, { id: 'I3' }, { id: 'I4' }];
const candidates1: CandidateRecord[] = Object.values(matrix1).map((row) => ({ fractions: { I1: row[0], I2: row[1], I3: row[2], I4: row[3] } }));
const analysis1 = analyseItems({ items: items1, candidates: candidates1 });
const item1 = (id: string) => analysis1.items.find((i) => i.itemId === id)!;

describe('item analysis, dataset 1 (5 × 4, complete)', () => {
  it('facility is the proportion correct', () => {
    // I1 4/5 = 0.8; I2 3/5 = 0.6; I3 3/5 = 0.6; I4 2/5 = 0.4
    expect(analysis1.items.map((i) => i.facility)).toEqual([0.8, 0.6, 0.6, 0.4]);
    expect(analysis1.items.map((i) => i.n)).toEqual([5, 5, 5, 5]);
  });

  it('exam mean and sample standard deviation of totals', () => {
    // totals 4 3 2 2 1: mean 12/5 = 2.4
    // deviations 1.6 0.6 −0.4 −0.4 −1.4; squares 2.56 0.36 0.16 0.16 1.96 = 5.2
    // sample variance 5.2 / (5 − 1) = 1.3; SD = √1.3 = 1.1401754…
    expect(analysis1.exam.mean).toBeCloseTo(2.4, 12);
    expect(analysis1.exam.standardDeviation).toBeCloseTo(1.1401754251, 9);
    expect(analysis1.exam.candidates).toBe(5);
    expect(analysis1.exam.items).toBe(4);
  });

  it("Cronbach's alpha, step by step", () => {
    // Item sample variances, Σ(x − p)² / 4 with Σ(x − p)² = n·p·(1 − p) for 0/1 items:
    //   I1: 5 · 0.8 · 0.2 = 0.8 → 0.2
    //   I2: 5 · 0.6 · 0.4 = 1.2 → 0.3
    //   I3: 1.2 → 0.3
    //   I4: 5 · 0.4 · 0.6 = 1.2 → 0.3
    //   Σ s²ᵢ = 0.2 + 0.3 + 0.3 + 0.3 = 1.1
    // Total variance s²_X = 1.3 (above).
    // alpha = 4/3 · (1 − 1.1/1.3) = 4/3 · 0.2/1.3 = 0.8/3.9 = 8/39 = 0.2051282…
    expect(analysis1.exam.alpha).toBeCloseTo(8 / 39, 12);
    expect(analysis1.exam.alphaCandidates).toBe(5);
  });

  it('corrected point-biserial of I1, step by step', () => {
    // x = I1 = 1 1 1 1 0; rest = total − x = 3 2 1 1 1
    // mean x = 0.8, mean rest = 8/5 = 1.6
    // dx = 0.2 0.2 0.2 0.2 −0.8;  dy = 1.4 0.4 −0.6 −0.6 −0.6
    // Σ dx·dy = 0.28 + 0.08 − 0.12 − 0.12 + 0.48 = 0.6
    // Σ dx² = 4 · 0.04 + 0.64 = 0.8;  Σ dy² = 1.96 + 0.16 + 0.36 · 3 = 3.2
    // r = 0.6 / √(0.8 · 3.2) = 0.6 / √2.56 = 0.6 / 1.6 = 0.375
    expect(item1('I1').pointBiserial).toBeCloseTo(0.375, 12);
  });

  it('corrected point-biserial of I2 (and I3, which mirrors it)', () => {
    // I2: x = 1 1 1 0 0; rest = 3 2 1 2 1; means 0.6 and 1.8
    // dx = 0.4 0.4 0.4 −0.6 −0.6; dy = 1.2 0.2 −0.8 0.2 −0.8
    // Σ dx·dy = 0.48 + 0.08 − 0.32 − 0.12 + 0.48 = 0.6; Σ dx² = 1.2; Σ dy² = 1.44 + 0.04 + 0.64 + 0.04 + 0.64 = 2.8
    // r = 0.6 / √3.36 = 0.3273268…
    // I3: x = 1 1 0 1 0; rest = 3 2 2 1 1; the same sums → the same r
    expect(item1('I2').pointBiserial).toBeCloseTo(0.6 / Math.sqrt(3.36), 12);
    expect(item1('I3').pointBiserial).toBeCloseTo(0.6 / Math.sqrt(3.36), 12);
  });

  it('negative point-biserial of I4, flagged as discriminating poorly', () => {
    // x = 1 0 0 0 1; rest = 3 3 2 2 0; means 0.4 and 2
    // dx = 0.6 −0.4 −0.4 −0.4 0.6; dy = 1 1 0 0 −2
    // Σ dx·dy = 0.6 − 0.4 + 0 + 0 − 1.2 = −1.0; Σ dx² = 0.72 + 0.48 = 1.2; Σ dy² = 1 + 1 + 4 = 6
    // r = −1 / √7.2 = −0.3726780…
    expect(item1('I4').pointBiserial).toBeCloseTo(-1 / Math.sqrt(7.2), 12);
    expect(item1('I4').flags).toEqual(['discrimination-low']);
  });

  it('leaves well-behaved items unflagged', () => {
    // facilities 0.8 / 0.6 / 0.6 within [0.3, 0.9]; r 0.375 / 0.327 / 0.327 ≥ 0.2
    expect([item1('I1').flags, item1('I2').flags, item1('I3').flags]).toEqual([[], [], []]);
  });

  it('upper–lower index with groups of one (round(0.27 · 5) = 1)', () => {
    // top = A (total 4), bottom = E (total 1)
    // I1: 1 − 0 = 1; I2: 1 − 0 = 1; I3: 1 − 0 = 1; I4: 1 − 1 = 0
    expect(analysis1.items.map((i) => i.upperLower)).toEqual([1, 1, 1, 0]);
  });

  it('has no option counts for items without options', () => {
    expect(item1('I1').options).toBeNull();
    expect(item1('I1').omitted).toBeNull();
  });
});

/*
 * Dataset 2: a choice item q1 (options a b c d, key b) and a partial-credit item q2.
 *
 *        q1 (chose) | q2    | total
 *   P1   1  (b)     | 1     | 2
 *   P2   1  (b)     | 0.5   | 1.5
 *   P3   0  (a)     | 0.5   | 0.5
 *   P4   0  (c)     | 0     | 0
 *   P5   1  (b)     | —     | 1      (q2 not presented)
 *   P6   0  (none)  | 0     | 0
 *   P7   —          | —     |        (nothing presented: left out)
 */
const candidates2: CandidateRecord[] = [
  { fractions: { q1: 1, q2: 1 }, choices: { q1: ['b'] } },
  { fractions: { q1: 1, q2: 0.5 }, choices: { q1: ['b'] } },
  { fractions: { q1: 0, q2: 0.5 }, choices: { q1: ['a'] } },
  { fractions: { q1: 0, q2: 0 }, choices: { q1: ['c'] } },
  { fractions: { q1: 1, q2: null }, choices: { q1: ['b'] } },
  { fractions: { q1: 0, q2: 0 }, choices: { q1: [] } },
  { fractions: {} },
];
const analysis2 = analyseItems({
  items: [{ id: 'q1', options: ['a', 'b', 'c', 'd'], correctOptions: ['b'] }, { id: 'q2' }],
  candidates: candidates2,
});
const [q1, q2] = analysis2.items;

describe('item analysis, dataset 2 (missing items, partial credit, distractors)', () => {
  it('counts only candidates who were presented something', () => {
    expect(analysis2.exam.candidates).toBe(6);
    expect(q1!.n).toBe(6);
    expect(q2!.n).toBe(5);
  });

  it('facility is the mean item score over the candidates presented the item', () => {
    // q1: 3/6 = 0.5; q2: (1 + 0.5 + 0.5 + 0 + 0)/5 = 0.4
    expect(q1!.facility).toBeCloseTo(0.5, 12);
    expect(q2!.facility).toBeCloseTo(0.4, 12);
  });

  it('counts choices per option, marks the key, and counts omissions', () => {
    // a: P3; b: P1 P2 P5; c: P4; d: none; omitted: P6
    expect(q1!.options).toEqual([
      { optionId: 'a', isKey: false, count: 1 },
      { optionId: 'b', isKey: true, count: 3 },
      { optionId: 'c', isKey: false, count: 1 },
      { optionId: 'd', isKey: false, count: 0 },
    ]);
    expect(q1!.omitted).toBe(1);
  });

  it('exam mean and SD over the six candidates', () => {
    // totals in sixths: 12 9 3 0 6 0 → mean 30/36 = 5/6
    // deviations 7/6 4/6 −2/6 −5/6 1/6 −5/6; squares (49 + 16 + 4 + 25 + 1 + 25)/36 = 120/36 = 10/3
    // variance (10/3)/5 = 2/3; SD = √(2/3) = 0.8164966…
    expect(analysis2.exam.mean).toBeCloseTo(5 / 6, 12);
    expect(analysis2.exam.standardDeviation).toBeCloseTo(Math.sqrt(2 / 3), 12);
  });

  it('alpha uses only the candidates presented every item', () => {
    // P1 P2 P3 P4 P6: q1 = 1 1 0 0 0, q2 = 1 .5 .5 0 0, totals 2 1.5 .5 0 0
    // s²(q1): mean .4, squares .36 .36 .16 .16 .16 = 1.2 → /4 = 0.3
    // s²(q2): mean .4, squares .36 .01 .01 .16 .16 = 0.7 → /4 = 0.175
    // s²(X):  mean .8, squares 1.44 .49 .09 .64 .64 = 3.3 → /4 = 0.825
    // alpha = 2/1 · (1 − 0.475/0.825) = 2 · 0.35/0.825 = 28/33 = 0.8484848…
    expect(analysis2.exam.alpha).toBeCloseTo(28 / 33, 12);
    expect(analysis2.exam.alphaCandidates).toBe(5);
  });

  it('point-biserial of the choice item against the rest score', () => {
    // x = 1 1 0 0 1 0 (P1…P6); rest = q2 where presented, else 0: 1 .5 .5 0 0 0
    // means 0.5 and 1/3; dx = ±0.5; dy = 2/3 1/6 1/6 −1/3 −1/3 −1/3
    // Σ dx·dy = 1/3 + 1/12 − 1/12 + 1/6 − 1/6 + 1/6 = 1/2
    // Σ dx² = 6 · 0.25 = 1.5; Σ dy² = (16 + 1 + 1 + 4 + 4 + 4)/36 = 5/6
    // r = 0.5 / √(1.5 · 5/6) = 0.5 / √1.25 = 0.4472136…
    expect(q1!.pointBiserial).toBeCloseTo(0.5 / Math.sqrt(1.25), 12);
  });

  it('product-moment correlation of the partial-credit item', () => {
    // x = 1 .5 .5 0 0 (P1 P2 P3 P4 P6); rest = q1 = 1 1 0 0 0; both means 0.4
    // dx = .6 .1 .1 −.4 −.4; dy = .6 .6 −.4 −.4 −.4
    // Σ dx·dy = .36 + .06 − .04 + .16 + .16 = 0.7; Σ dx² = 0.7; Σ dy² = 1.2
    // r = 0.7 / √0.84 = 0.7637626…
    expect(q2!.pointBiserial).toBeCloseTo(0.7 / Math.sqrt(0.84), 12);
  });

  it('upper–lower index with groups of two (round(0.27 · 6) = 2)', () => {
    // q1 ranked by total: P1 2 (1), P2 1.5 (1), P5 1 (1), P3 .5 (0), P4 0 (0), P6 0 (0)
    // top two P1 P2: (1 + 1)/2 = 1; bottom two P4 P6: 0 → D = 1
    expect(q1!.upperLower).toBe(1);
  });

  it('upper–lower index sharing a tied bottom place (round(0.27 · 5) = 1)', () => {
    // q2: P1 2 (1), P2 1.5 (.5), P3 .5 (.5), P4 0 (0), P6 0 (0)
    // top P1: 1; bottom place shared by P4 and P6 (weight ½ each): (½·0 + ½·0)/1 = 0 → D = 1
    expect(q2!.upperLower).toBe(1);
  });
});

describe('item analysis flags', () => {
  // 10 candidates. easy: 9 right (0.9, on the boundary); hard: 3 right (0.3, on the boundary);
  // always: 10 right (1.0); never: 0 right (0.0).
  const rows = Array.from({ length: 10 }, (_, i) => ({ fractions: { easy: i < 9 ? 1 : 0, hard: i < 3 ? 1 : 0, always: 1, never: 0 } }));
  const analysis = analyseItems({ items: [{ id: 'easy' }, { id: 'hard' }, { id: 'always' }, { id: 'never' }], candidates: rows });
  const flags = (id: string) => analysis.items.find((i) => i.itemId === id)!.flags;

  it('does not flag facilities of exactly 0.3 or 0.9', () => {
    expect(flags('easy')).not.toContain('facility-high');
    expect(flags('hard')).not.toContain('facility-low');
  });

  it('flags an item everyone got right as too easy, without a discrimination flag', () => {
    // facility 1 > 0.9; item variance 0 → point-biserial undefined (null), not flagged
    expect(flags('always')).toEqual(['facility-high']);
    expect(analysis.items.find((i) => i.itemId === 'always')!.pointBiserial).toBeNull();
  });

  it('flags an item nobody got right as too hard', () => {
    expect(flags('never')).toEqual(['facility-low']);
  });
});

describe('item analysis on degenerate input', () => {
  it('returns nulls, not NaN, for no candidates', () => {
    const result = analyseItems({ items: [{ id: 'x' }], candidates: [] });
    expect(result.exam).toEqual({ candidates: 0, items: 1, mean: null, standardDeviation: null, alpha: null, alphaCandidates: 0 });
    expect(result.items[0]).toEqual({ itemId: 'x', n: 0, facility: null, pointBiserial: null, upperLower: null, options: null, omitted: null, flags: [] });
  });

  it('returns nulls for a single candidate', () => {
    const result = analyseItems({ items: [{ id: 'x' }, { id: 'y' }], candidates: [{ fractions: { x: 1, y: 0 } }] });
    expect(result.exam).toMatchObject({ mean: 1, standardDeviation: null, alpha: null });
    expect(result.items[0]).toMatchObject({ facility: 1, pointBiserial: null, upperLower: null });
  });

  it('returns a null alpha when totals do not vary', () => {
    // totals 1 1 1: s²_X = 0
    const candidates = [{ fractions: { x: 1, y: 0 } }, { fractions: { x: 0, y: 1 } }, { fractions: { x: 1, y: 0 } }];
    const result = analyseItems({ items: [{ id: 'x' }, { id: 'y' }], candidates });
    expect(result.exam.standardDeviation).toBe(0);
    expect(result.exam.alpha).toBeNull();
    expect(result.items[0]!.upperLower).toBeNull();
  });

  it('returns a null alpha for a one-item exam', () => {
    expect(analyseItems({ items: [{ id: 'x' }], candidates: [{ fractions: { x: 1 } }, { fractions: { x: 0 } }] }).exam.alpha).toBeNull();
  });

  it('rejects a score outside 0..1', () => {
    expect(() => analyseItems({ items: [{ id: 'x' }], candidates: [{ fractions: { x: 2 } }] })).toThrow(RangeError);
  });
});

describe('cronbachAlpha', () => {
  it('can be negative when items disagree', () => {
    // rows (1,0) (0,1) (1,1): x̄ = 2/3 per item, Σdev² = 1/9 + 4/9 + 1/9 = 2/3 → s² = 1/3 each, Σ = 2/3
    // totals 1 1 2: mean 4/3, Σdev² = 1/9 + 1/9 + 4/9 = 2/3 → s² = 1/3
    // alpha = 2 · (1 − (2/3)/(1/3)) = 2 · (1 − 2) = −2
    expect(cronbachAlpha([[1, 0], [0, 1], [1, 1]])).toBeCloseTo(-2, 12);
  });

  it('is 1 for two identical items', () => {
    // s²ᵢ = s each, s²_X = 4s: 2 · (1 − 2s/4s) = 1
    expect(cronbachAlpha([[1, 1], [0, 0], [1, 1], [0, 0]])).toBeCloseTo(1, 12);
  });
});
