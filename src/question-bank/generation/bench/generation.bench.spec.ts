import { benchGeneration } from './generation.bench.js';

describe('benchGeneration', () => {
  it('generates the whole shipped course in both languages and reports the time', async () => {
    const [time, items] = await benchGeneration();
    expect(time!.unit).toBe('ms');
    // Speed is judged in `npm run bench`, not here: a timed assertion fails on a busy machine.
    expect(time!.value).toBeGreaterThan(0);
    expect(items!.value).toBeGreaterThan(28 * 2 * 5);
  }, 120_000);
});
