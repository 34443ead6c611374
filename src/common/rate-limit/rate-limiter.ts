/** What one counted request learned about its key's window. */
export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  /** Requests still allowed in this window after this one. */
  remaining: number;
  /** When the window ends (epoch milliseconds). */
  resetsAt: number;
}

/**
 * Counts requests per key in fixed windows. A port because the counts will move to
 * PostgreSQL when several processes must share one budget; the in-memory adapter serves
 * a single process until then.
 */
export abstract class RateLimiter {
  /** Counts one request against `key` and says whether it fits in `limit` per `windowMs`. */
  abstract consume(key: string, limit: number, windowMs: number): Promise<RateLimitDecision>;
}
