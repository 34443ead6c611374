import { benchGeneration } from './generation.bench.js';

describe('benchGeneration', () => {
  it('generates the whole shipped course in both languages in under a second', async () => {
    const [time, items] = await benchGeneration();
    expect(time!.unit).toBe('ms');
    expect(time!.value).toBeLessThan(1000);
    expect(items!.value).toBeGreaterThan(28 * 2 * 5);
  }, 120_000);
});
