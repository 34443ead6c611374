import { cloneJson } from '../core/json.js';
import type { KubeObject } from '../core/types.js';
import { resourceKeyOf } from '../registry/resource-def.js';
import type { Controller } from './controller.js';

const GC_FINALIZERS = ['orphan', 'foregroundDeletion'];

/**
 * Until a garbage collector runs (part 2), `orphan` and `foregroundDeletion` deletions
 * complete at once: the finalizers the API server recorded are simply released.
 */
export const gcFinalizerStandIn: Controller = (api) => {
  return api.store.subscribe((e) => {
    if (e.type === 'DELETED' || !e.object.metadata.deletionTimestamp) return;
    const fins: string[] = e.object.metadata.finalizers ?? [];
    if (!fins.some((f) => GC_FINALIZERS.includes(f))) return;
    setImmediate(() => {
      const def = api.registry.storedResources().find((d) => resourceKeyOf(d) === e.resourceKey);
      const current = api.store.get(e.resourceKey, e.namespace, e.name);
      if (!def || !current) return;
      const next = cloneJson(current) as KubeObject;
      next.metadata.finalizers = (next.metadata.finalizers ?? []).filter((f: string) => !GC_FINALIZERS.includes(f));
      if (!next.metadata.finalizers.length) delete next.metadata.finalizers;
      api.commitUpdate(def, def, current, next, { fieldManager: 'garbage-collector' });
    });
  });
};
