import { ApiError } from '../../core/errors.js';

/**
 * A controller's queue of keys to reconcile: adds made while handling store events are
 * deduplicated and processed together on the next turn of the event loop, so a burst of
 * pod updates costs one reconcile of their owner.
 */
export class WorkQueue {
  private readonly keys = new Set<string>();
  private scheduled = false;
  private stopped = false;

  constructor(
    private readonly handle: (key: string) => void,
    private readonly tracker: QueueTracker,
    private readonly retry: (key: string) => void,
  ) {
    tracker.queues.add(this);
  }

  add(key: string): void {
    if (this.stopped) return;
    this.keys.add(key);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  get length(): number {
    return this.keys.size;
  }

  stop(): void {
    this.stopped = true;
    this.keys.clear();
    this.tracker.queues.delete(this);
  }

  flush(): void {
    this.scheduled = false;
    if (this.stopped) return;
    const batch = [...this.keys];
    this.keys.clear();
    for (const key of batch) {
      try {
        this.handle(key);
      } catch (err) {
        // Conflicts and vanished objects are normal races: try again shortly.
        if (err instanceof ApiError && (err.code === 404 || err.code === 409)) this.retry(key);
        else this.tracker.onError(err, key);
      }
    }
  }
}

/** Knows every queue, so tests can wait until all controllers are idle. */
export class QueueTracker {
  readonly queues = new Set<WorkQueue>();
  onError: (err: unknown, key: string) => void = () => undefined;

  busy(): boolean {
    for (const q of this.queues) if (q.length) return true;
    return false;
  }
}
