import type { Clock } from '../../core/types.js';

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
}

/**
 * Timers on the injected clock, not on wall time: a test that steps its clock sees every
 * timer whose moment has passed fire (on the next poll, or at once through `runDue()`).
 * A wall-time poll only runs while timers are pending, capped so that a clock which jumps
 * ahead is noticed quickly.
 */
export class SimTimers {
  private timers: Timer[] = [];
  private seq = 0;
  private handle: NodeJS.Timeout | undefined;
  private stopped = false;
  onError: (err: unknown) => void = () => undefined;

  constructor(
    private readonly clock: Clock,
    private readonly maxPollMs = 20,
  ) {}

  now(): number {
    return this.clock.now().getTime();
  }

  /** Runs `fn` once the clock reaches `at` (epoch ms); returns a cancel function. */
  at(at: number, fn: () => void): () => void {
    const t: Timer = { at, seq: this.seq++, fn };
    this.timers.push(t);
    this.arm();
    return () => {
      const i = this.timers.indexOf(t);
      if (i >= 0) this.timers.splice(i, 1);
    };
  }

  after(ms: number, fn: () => void): () => void {
    return this.at(this.now() + ms, fn);
  }

  hasDue(): boolean {
    const now = this.now();
    return this.timers.some((t) => t.at <= now);
  }

  pending(): number {
    return this.timers.length;
  }

  /** Fires every due timer, in time order, including those that due timers schedule. */
  runDue(): number {
    let ran = 0;
    for (;;) {
      const now = this.now();
      let best: Timer | undefined;
      for (const t of this.timers) if (t.at <= now && (!best || t.at < best.at || (t.at === best.at && t.seq < best.seq))) best = t;
      if (!best) break;
      this.timers.splice(this.timers.indexOf(best), 1);
      ran++;
      try {
        best.fn();
      } catch (err) {
        this.onError(err);
      }
    }
    return ran;
  }

  stop(): void {
    this.stopped = true;
    this.timers = [];
    if (this.handle) clearTimeout(this.handle);
    this.handle = undefined;
  }

  private arm(): void {
    if (this.stopped || this.handle || !this.timers.length) return;
    let next = Infinity;
    for (const t of this.timers) next = Math.min(next, t.at);
    const delay = Math.max(0, Math.min(this.maxPollMs, next - this.now()));
    this.handle = setTimeout(() => {
      this.handle = undefined;
      this.runDue();
      this.arm();
    }, delay);
    this.handle.unref();
  }
}
