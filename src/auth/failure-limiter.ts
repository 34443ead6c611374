import { Injectable } from '@nestjs/common';
import { AppException } from '../common/errors/app.exception.js';
import { Clock } from '../common/time/clock.js';

interface Window {
  startedAt: number;
  failures: number;
}

/**
 * Counts failed attempts (logins, API key guesses) per key in a one-minute window and
 * refuses further attempts once the limit is reached, so a correct guess made after the
 * limit does not get through either. Per process: behind N replicas the limit is N times
 * looser, which still makes guessing hopeless against 256-bit keys.
 */
@Injectable()
export class FailureLimiter {
  private readonly windows = new Map<string, Window>();
  private static readonly WINDOW_MS = 60_000;

  constructor(private readonly clock: Clock) {}

  assertAllowed(key: string, limit: number): void {
    const window = this.current(key);
    if (window && window.failures >= limit) {
      const retryAfter = Math.ceil((window.startedAt + FailureLimiter.WINDOW_MS - this.clock.now().getTime()) / 1000);
      throw new AppException('too-many-requests', 'Too many failed attempts; try again later', {
        headers: { 'retry-after': String(Math.max(1, retryAfter)) },
      });
    }
  }

  recordFailure(key: string): void {
    const window = this.current(key) ?? { startedAt: this.clock.now().getTime(), failures: 0 };
    window.failures += 1;
    this.windows.set(key, window);
    if (this.windows.size > 50_000) this.sweep();
  }

  private current(key: string): Window | undefined {
    const window = this.windows.get(key);
    if (window && this.clock.now().getTime() - window.startedAt >= FailureLimiter.WINDOW_MS) {
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }

  private sweep(): void {
    for (const key of this.windows.keys()) this.current(key);
  }
}
