import { deepFreeze } from '../core/json.js';
import type { KubeObject } from '../core/types.js';
import type { StoreEvent, StoreEventType, StoreListener } from './store-event.js';
import { WatchHistory } from './watch-history.js';

type NameMap = Map<string, Readonly<KubeObject>>;

interface Bucket {
  byName: NameMap;
  /** Names in order, rebuilt lazily after an add or remove. */
  sorted?: string[];
}

/**
 * The in-memory "etcd": objects indexed resource → namespace → name, one global
 * resourceVersion counter, a bounded event history and synchronous listeners.
 * It knows nothing of API semantics; the registry layer above it does.
 */
export class ObjectStore {
  private readonly data = new Map<string, Map<string, Bucket>>();
  private readonly listeners = new Set<StoreListener>();
  private readonly queue: StoreEvent[] = [];
  private draining = false;
  /** Called when a listener throws; the write itself has already happened. */
  onListenerError: (err: unknown, event: StoreEvent) => void = () => undefined;
  private rv: number;
  readonly history: WatchHistory;

  constructor(opts: { historySize?: number; initialResourceVersion?: number } = {}) {
    this.history = new WatchHistory(opts.historySize ?? 5000);
    this.rv = opts.initialResourceVersion ?? 1;
  }

  currentResourceVersion(): number {
    return this.rv;
  }

  get(resourceKey: string, namespace: string, name: string): Readonly<KubeObject> | undefined {
    return this.data.get(resourceKey)?.get(namespace)?.byName.get(name);
  }

  /** Objects ordered by namespace then name, as etcd keys sort. */
  list(resourceKey: string, namespace?: string): Readonly<KubeObject>[] {
    const byNs = this.data.get(resourceKey);
    if (!byNs) return [];
    if (namespace !== undefined) {
      const bucket = byNs.get(namespace);
      return bucket ? this.sortedObjects(bucket) : [];
    }
    const out: Readonly<KubeObject>[] = [];
    for (const ns of [...byNs.keys()].sort()) out.push(...this.sortedObjects(byNs.get(ns)!));
    return out;
  }

  count(resourceKey: string, namespace?: string): number {
    const byNs = this.data.get(resourceKey);
    if (!byNs) return 0;
    if (namespace !== undefined) return byNs.get(namespace)?.byName.size ?? 0;
    let n = 0;
    for (const b of byNs.values()) n += b.byName.size;
    return n;
  }

  /** Namespaces that hold at least one object of any resource. */
  namespacesInUse(): Set<string> {
    const out = new Set<string>();
    for (const byNs of this.data.values()) for (const [ns, b] of byNs) if (b.byName.size > 0 && ns) out.add(ns);
    return out;
  }

  resourceKeys(): string[] {
    return [...this.data.keys()];
  }

  /**
   * Adds or replaces an object, stamping a fresh resourceVersion. The store takes
   * ownership of `obj` (it is frozen); callers must not keep mutating it.
   */
  put(resourceKey: string, obj: KubeObject): Readonly<KubeObject> {
    const namespace = obj.metadata.namespace ?? '';
    const name = obj.metadata.name!;
    const bucket = this.bucket(resourceKey, namespace);
    const previous = bucket.byName.get(name);
    const rv = ++this.rv;
    obj.metadata.resourceVersion = String(rv);
    deepFreeze(obj);
    if (!previous) bucket.sorted = undefined;
    bucket.byName.set(name, obj);
    this.emit(previous ? 'MODIFIED' : 'ADDED', resourceKey, namespace, name, obj, previous, rv);
    return obj;
  }

  /** Removes an object; the DELETED event carries `finalState` (with a new resourceVersion). */
  remove(resourceKey: string, namespace: string, name: string, finalState?: KubeObject): Readonly<KubeObject> | undefined {
    const bucket = this.data.get(resourceKey)?.get(namespace);
    const previous = bucket?.byName.get(name);
    if (!bucket || !previous) return undefined;
    bucket.byName.delete(name);
    bucket.sorted = undefined;
    const rv = ++this.rv;
    const last = finalState ?? { ...previous, metadata: { ...previous.metadata } };
    last.metadata.resourceVersion = String(rv);
    deepFreeze(last);
    this.emit('DELETED', resourceKey, namespace, name, last, previous, rv);
    return last;
  }

  subscribe(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(
    type: StoreEventType,
    resourceKey: string,
    namespace: string,
    name: string,
    object: Readonly<KubeObject>,
    previous: Readonly<KubeObject> | undefined,
    resourceVersion: number,
  ): void {
    const event: StoreEvent = { type, resourceKey, namespace, name, object, previous, resourceVersion };
    this.history.push(event);
    this.queue.push(event);
    // Writes made by listeners are delivered after the current event, so every listener
    // sees events in resourceVersion order.
    if (this.draining) return;
    this.draining = true;
    try {
      for (let e = this.queue.shift(); e; e = this.queue.shift()) {
        for (const l of [...this.listeners]) {
          try {
            l(e);
          } catch (err) {
            this.onListenerError(err, e);
          }
        }
      }
    } finally {
      this.draining = false;
    }
  }

  private bucket(resourceKey: string, namespace: string): Bucket {
    let byNs = this.data.get(resourceKey);
    if (!byNs) this.data.set(resourceKey, (byNs = new Map()));
    let bucket = byNs.get(namespace);
    if (!bucket) byNs.set(namespace, (bucket = { byName: new Map() }));
    return bucket;
  }

  private sortedObjects(bucket: Bucket): Readonly<KubeObject>[] {
    if (!bucket.sorted) bucket.sorted = [...bucket.byName.keys()].sort();
    return bucket.sorted.map((n) => bucket.byName.get(n)!);
  }
}
