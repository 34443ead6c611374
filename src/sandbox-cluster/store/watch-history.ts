import type { StoreEvent } from './store-event.js';

/**
 * A fixed-size ring of the most recent store events. Watches resume from it; a
 * resourceVersion older than its oldest entry is answered with 410 Expired, as a
 * compacted etcd would.
 */
export class WatchHistory {
  private readonly ring: (StoreEvent | undefined)[];
  private start = 0;
  private size = 0;

  constructor(readonly capacity: number) {
    this.ring = new Array(capacity);
  }

  push(event: StoreEvent): void {
    if (this.size < this.capacity) {
      this.ring[(this.start + this.size) % this.capacity] = event;
      this.size++;
    } else {
      this.ring[this.start] = event;
      this.start = (this.start + 1) % this.capacity;
    }
  }

  /** The lowest resourceVersion a watch may resume from; undefined while nothing was dropped. */
  oldestResumable(): number | undefined {
    if (this.size < this.capacity) return undefined;
    return this.ring[this.start]!.resourceVersion - 1;
  }

  /** Events with resourceVersion > rv, oldest first. */
  since(rv: number): StoreEvent[] {
    const out: StoreEvent[] = [];
    // Binary search: events are pushed in resourceVersion order.
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.at(mid).resourceVersion <= rv) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.size; i++) out.push(this.at(i));
    return out;
  }

  private at(i: number): StoreEvent {
    return this.ring[(this.start + i) % this.capacity]!;
  }
}
