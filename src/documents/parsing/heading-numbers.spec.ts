import { isConsistentOutline, parseChineseNumeral, parseNumberPath, successorWeight } from './heading-numbers.js';

describe('heading numbers', () => {
  it('parses Chinese numerals', () => {
    expect([ '一', '五', '十', '十二', '二十', '二十三' ].map(parseChineseNumeral)).toEqual([1, 5, 10, 12, 20, 23]);
    expect(parseChineseNumeral('零')).toBeNaN();
  });

  it('parses dotted and Chinese paths', () => {
    expect(parseNumberPath('3.1.2')).toEqual([3, 1, 2]);
    expect(parseNumberPath('三')).toEqual([3]);
    expect(parseNumberPath('v1')).toBeNull();
  });

  it('accepts children, siblings and ancestors as successors', () => {
    expect(successorWeight([1], [1, 1])).toBe(1);
    expect(successorWeight([1, 3], [2])).toBe(1);
    expect(successorWeight([1, 3], [1, 4])).toBe(1);
    expect(successorWeight([1, 3], [1, 2])).toBe(0);
    expect(successorWeight([1, 3], [1, 3, 2])).toBe(0);
    expect(successorWeight(null, [1])).toBe(1);
  });

  it('checks a whole outline', () => {
    expect(isConsistentOutline([[1], [1, 1], [1, 2], [2], [2, 1]])).toBe(true);
    expect(isConsistentOutline([[1], [1, 1], [1, 1]])).toBe(false);
    expect(isConsistentOutline([[2], [1]])).toBe(false);
  });
});
