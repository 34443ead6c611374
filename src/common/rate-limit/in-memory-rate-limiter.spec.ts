import { ManualClock } from '../time/clock.js';
import { InMemoryRateLimiter } from './in-memory-rate-limiter.js';

describe('InMemoryRateLimiter', () => {
  const windowMs = 60_000;
  let clock: ManualClock;
  let limiter: InMemoryRateLimiter;
  beforeEach(() => {
    clock = new ManualClock('2026-03-01T10:00:00Z');
    limiter = new InMemoryRateLimiter(clock);
  });

  it('allows the limit within a window, then refuses until it ends', async () => {
    for (let i = 1; i <= 3; i += 1) {
      expect(await limiter.consume('a', 3, windowMs)).toEqual({
        allowed: true,
        limit: 3,
        remaining: 3 - i,
        resetsAt: Date.parse('2026-03-01T10:01:00Z'),
      });
    }
    clock.advance(windowMs - 1);
    expect(await limiter.consume('a', 3, windowMs)).toMatchObject({ allowed: false, remaining: 0 });
    clock.advance(1);
    expect(await limiter.consume('a', 3, windowMs)).toMatchObject({ allowed: true, remaining: 2, resetsAt: Date.parse('2026-03-01T10:02:00Z') });
  });

  it('keeps keys apart', async () => {
    await limiter.consume('a', 1, windowMs);
    expect((await limiter.consume('a', 1, windowMs)).allowed).toBe(false);
    expect((await limiter.consume('b', 1, windowMs)).allowed).toBe(true);
  });

  it('stays bounded under a flood of distinct keys', async () => {
    const limit = InMemoryRateLimiter.MAX_KEYS;
    for (let i = 0; i <= limit + 10; i += 1) await limiter.consume(`k${i}`, 5, windowMs);
    const size = (limiter as unknown as { windows: Map<string, unknown> }).windows.size;
    expect(size).toBeLessThanOrEqual(limit);
    // The newest client is still counted.
    expect((await limiter.consume(`k${limit + 10}`, 2, windowMs)).remaining).toBe(0);
  });
});
