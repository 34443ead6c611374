import { percentageOf, roundTo } from './rounding.js';

describe('roundTo', () => {
  it('rounds half up where binary floating point would round down', () => {
    // 1.005 is stored as 1.00499999999999989…; a person expects 1.01
    expect(roundTo(1.005, 2)).toBe(1.01);
  });

  it('rounds half away from zero for negatives and never returns -0', () => {
    expect(roundTo(-1.005, 2)).toBe(-1.01);
    expect(Object.is(roundTo(-0.001, 2), 0)).toBe(true);
  });

  it('rounds ordinary values the plain way', () => {
    // 2/3 = 0.6666… → 0.67; 55.714285… → 55.71
    expect(roundTo(2 / 3, 2)).toBe(0.67);
    expect(roundTo(780 / 14, 2)).toBe(55.71);
  });

  it('rounds an exact half up', () => {
    expect(roundTo(0.125, 2)).toBe(0.13);
    expect(roundTo(2.5, 0)).toBe(3);
  });

  it('passes non-finite values through', () => {
    expect(roundTo(Number.POSITIVE_INFINITY, 2)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('percentageOf', () => {
  it('is 100 × points / max to 2 decimals', () => {
    // 100 × 1 / 3 = 33.333… → 33.33
    expect(percentageOf(1, 3)).toBe(33.33);
  });

  it('is 0 when nothing could be earned', () => {
    expect(percentageOf(0, 0)).toBe(0);
  });
});
