import { mean, pearson, sampleStandardDeviation, sampleVariance } from './statistics.js';

describe('statistics', () => {
  it('mean of 1 2 3 4 is 2.5 and of nothing is null', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(mean([])).toBeNull();
  });

  it('sample variance divides by n − 1', () => {
    // 1 2 3 4: mean 2.5, squares 2.25 0.25 0.25 2.25 = 5 → 5/3
    expect(sampleVariance([1, 2, 3, 4])).toBeCloseTo(5 / 3, 12);
    expect(sampleStandardDeviation([1, 2, 3, 4])).toBeCloseTo(Math.sqrt(5 / 3), 12);
  });

  it('variance needs two values and reports float noise as 0', () => {
    expect(sampleVariance([7])).toBeNull();
    expect(sampleVariance([0.1 + 0.2, 0.3, 0.3])).toBe(0);
  });

  it('pearson is ±1 for exact linear relations', () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [6, 4, 2])).toBeCloseTo(-1, 12);
  });

  it('pearson is null when a side does not vary or there are too few pairs', () => {
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(pearson([1], [1])).toBeNull();
  });
});
