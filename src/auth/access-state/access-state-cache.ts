/** Payload of a change that concerns every entry (a table was truncated). */
export const EVERY_ENTRY = '*';

/**
 * What tokens may still do, remembered per process. Entries are keyed exactly like the
 * change notifications PostgreSQL sends (`user:<id>`, `session:<id>`, `api-key:<id>`), so a
 * notification drops precisely what it makes stale.
 *
 * A load is remembered from the moment it starts: a notification that arrives while the
 * query is still running drops the pending entry too, so a read from before a change can
 * never be kept after it. While the feed of notifications is down, nothing is remembered.
 */
export class AccessStateCache {
  private readonly entries = new Map<string, { expires: number; value: Promise<unknown> }>();
  private remembering = false;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number,
  ) {}

  get<V>(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && hit.expires > this.now()) return hit.value as Promise<V>;
    if (hit) this.entries.delete(key);
    const value = load();
    if (!this.remembering || this.ttlMs <= 0) return value;
    const entry = { expires: this.now() + this.ttlMs, value };
    this.entries.set(key, entry);
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  /** Something behind `key` changed (or, for `*`, anything may have). */
  invalidate(key: string): void {
    if (key === EVERY_ENTRY) this.entries.clear();
    else this.entries.delete(key);
  }

  /** The feed is live again: start from nothing, since changes may have been missed. */
  startRemembering(): void {
    this.entries.clear();
    this.remembering = true;
  }

  /** The feed is down or in doubt: forget everything and read through until it is back. */
  stopRemembering(): void {
    this.remembering = false;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
