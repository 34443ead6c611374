import { SeededRandom } from './seeded-random.js';

describe('SeededRandom', () => {
  it('repeats the same sequence for the same seed and differs across seeds', () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    expect(new SeededRandom('abc').shuffle(items)).toEqual(new SeededRandom('abc').shuffle(items));
    expect(new SeededRandom('abc').shuffle(items)).not.toEqual(new SeededRandom('abd').shuffle(items));
  });

  it('shuffles without losing or repeating items and spreads positions evenly', () => {
    const counts = [0, 0, 0, 0];
    for (let seed = 0; seed < 4000; seed += 1) {
      const shuffled = new SeededRandom(String(seed)).shuffle(['a', 'b', 'c', 'd']);
      expect([...shuffled].sort()).toEqual(['a', 'b', 'c', 'd']);
      counts[shuffled.indexOf('a')]! += 1;
    }
    // Each position should hold 'a' about 1000 times; a biased shuffle drifts far from that.
    for (const count of counts) expect(Math.abs(count - 1000)).toBeLessThan(120);
  });
});
