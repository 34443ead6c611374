import { errors } from '../core/errors.js';
import type { Json, KubeObject } from '../core/types.js';
import { apiVersionOf, resourceKeyOf, type ResourceDef } from '../registry/resource-def.js';
import type { StoreEvent } from '../store/store-event.js';
import { compileFilter } from './list.js';
import type { ObjectService } from './object-service.js';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

export interface WatchEvent {
  type: WatchEventType;
  object: Json;
}

export interface WatchOptions {
  labelSelector?: string;
  fieldSelector?: string;
  resourceVersion?: string;
  allowWatchBookmarks?: boolean;
  /** Milliseconds between BOOKMARK events when bookmarks are allowed. */
  bookmarkIntervalMs?: number;
  /** Watch-list (client-go 1.35+ informers): the current state, then a BOOKMARK marking its end. */
  sendInitialEvents?: boolean;
}

/** The annotation on the BOOKMARK that ends the initial events of a watch-list. */
export const INITIAL_EVENTS_END = 'k8s.io/initial-events-end';

/**
 * Starts a watch: replays history after `resourceVersion` (or the current state as
 * ADDED events when none is given), then follows the store. Objects moving in or out
 * of the selectors are reported as ADDED / DELETED, as the watch cache does.
 * Returns a function that stops the watch.
 */
export function startWatch(
  service: ObjectService,
  def: ResourceDef,
  namespace: string | undefined,
  opts: WatchOptions,
  emit: (event: WatchEvent) => void,
): () => void {
  const filter = compileFilter(def, opts.labelSelector, opts.fieldSelector);
  const key = resourceKeyOf(def);
  const ns = def.namespaced ? namespace : undefined;
  const store = service.store;
  const out = (type: WatchEventType, obj: Readonly<KubeObject>) => emit({ type, object: service.present(def, obj) });

  const translate = (e: StoreEvent) => {
    if (e.resourceKey !== key) return;
    if (ns !== undefined && e.namespace !== ns) return;
    const now = filter.matches(e.object);
    const before = e.previous ? filter.matches(e.previous) : false;
    if (e.type === 'ADDED') {
      if (now) out('ADDED', e.object);
    } else if (e.type === 'MODIFIED') {
      if (now && before) out('MODIFIED', e.object);
      else if (now) out('ADDED', e.object);
      else if (before) out('DELETED', e.object);
    } else if (before || now) out('DELETED', e.object);
  };

  const rvText = opts.resourceVersion;
  const bookmark = (annotations?: Record<string, string>): WatchEvent => ({
    type: 'BOOKMARK',
    object: { kind: def.kind, apiVersion: apiVersionOf(def), metadata: { resourceVersion: String(store.currentResourceVersion()), ...(annotations ? { annotations } : {}) } },
  });
  if (opts.sendInitialEvents) {
    // NotOlderThan any given RV: the state now is never older, so it is sent whole.
    for (const o of store.list(key, ns)) if (filter.matches(o)) out('ADDED', o);
    emit(bookmark({ [INITIAL_EVENTS_END]: 'true' }));
  } else if (!rvText || rvText === '0') {
    for (const o of store.list(key, ns)) if (filter.matches(o)) out('ADDED', o);
  } else {
    const rv = Number(rvText);
    if (!Number.isInteger(rv) || rv < 0) throw errors.badRequest(`invalid resource version: ${rvText}`);
    const oldest = store.history.oldestResumable();
    if (oldest !== undefined && rv < oldest) {
      emit({ type: 'ERROR', object: errors.gone(`too old resource version: ${rv} (${oldest + 1})`).toStatus() });
      return () => undefined;
    }
    for (const e of store.history.since(rv)) translate(e);
  }
  const unsubscribe = store.subscribe(translate);
  let timer: NodeJS.Timeout | undefined;
  if (opts.allowWatchBookmarks) {
    timer = setInterval(() => emit(bookmark()), opts.bookmarkIntervalMs ?? 5000);
    timer.unref();
  }
  return () => {
    unsubscribe();
    if (timer) clearInterval(timer);
  };
}
