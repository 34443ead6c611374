import { Injectable } from '@nestjs/common';
import { Clock } from '../time/clock.js';
import { RateLimiter, type RateLimitDecision } from './rate-limiter.js';

interface Window {
  startedAt: number;
  windowMs: number;
  count: number;
}

/** Windows of one process, bounded so a flood of distinct addresses cannot grow it forever. */
@Injectable()
export class InMemoryRateLimiter extends RateLimiter {
  static readonly MAX_KEYS = 100_000;
  private readonly windows = new Map<string, Window>();

  constructor(private readonly clock: Clock) {
    super();
  }

  async consume(key: string, limit: number, windowMs: number): Promise<RateLimitDecision> {
    const now = this.clock.now().getTime();
    let window = this.windows.get(key);
    if (!window || now - window.startedAt >= window.windowMs) {
      window = { startedAt: now, windowMs, count: 0 };
      // Re-inserting keeps the map in order of window start, so eviction drops the oldest.
      this.windows.delete(key);
      this.windows.set(key, window);
      if (this.windows.size > InMemoryRateLimiter.MAX_KEYS) this.evict(now);
    }
    // Refused requests count too: hammering past the budget earns nothing.
    window.count += 1;
    return {
      allowed: window.count <= limit,
      limit,
      remaining: Math.max(0, limit - window.count),
      resetsAt: window.startedAt + window.windowMs,
    };
  }

  /** Drops ended windows; if every window is live, the oldest ones (their clients restart at zero). */
  private evict(now: number): void {
    for (const [key, window] of this.windows) {
      if (now - window.startedAt >= window.windowMs) this.windows.delete(key);
    }
    for (const key of this.windows.keys()) {
      if (this.windows.size <= InMemoryRateLimiter.MAX_KEYS * 0.9) break;
      this.windows.delete(key);
    }
  }
}
