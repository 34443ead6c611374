import type { Clock } from '../core/types.js';

/** A clock tests move by hand; controllers' timers fire once it passes their moment. */
export class ManualClock implements Clock {
  private t: number;
  constructor(start = Date.parse('2025-01-01T00:00:00Z')) {
    this.t = start;
  }
  now(): Date {
    return new Date(this.t);
  }
  advance(ms: number): void {
    this.t += ms;
  }
}
