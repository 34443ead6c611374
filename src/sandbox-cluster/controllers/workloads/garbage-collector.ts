import { ApiError } from '../../core/errors.js';
import { cloneJson } from '../../core/json.js';
import type { Json, KubeObject } from '../../core/types.js';
import { resourceKeyOf, type ResourceDef } from '../../registry/resource-def.js';
import type { SimRuntime } from '../runtime/sim-runtime.js';

const COMPONENT = 'garbage-collector';

/**
 * The garbage collector over ownerReferences: dependents whose owners are all gone are
 * deleted (background), `orphan` deletions strip the owner from its dependents first,
 * `foregroundDeletion` deletes dependents (in foreground too) and releases the owner
 * once none is left. Dependents naming an owner that never existed are deleted as well.
 */
export function startGarbageCollector(rt: SimRuntime): () => void {
  const { api, owners } = rt;
  const defs = new Map<string, ResourceDef>();
  for (const d of api.registry.storedResources()) defs.set(resourceKeyOf(d), d);

  const ignoreMissing = (f: () => void) => {
    try {
      f();
    } catch (e) {
      if (!(e instanceof ApiError && (e.code === 404 || e.code === 409))) throw e;
    }
  };

  const stripOwner = (key: string, obj: Readonly<KubeObject>, drop: (ref: Json) => boolean) => {
    const def = defs.get(key)!;
    const next = cloneJson(obj) as KubeObject;
    next.metadata.ownerReferences = (next.metadata.ownerReferences ?? []).filter((r: Json) => !drop(r));
    if (!next.metadata.ownerReferences!.length) delete next.metadata.ownerReferences;
    ignoreMissing(() => api.commitUpdate(def, def, obj, next, { fieldManager: COMPONENT }));
  };

  const releaseFinalizer = (key: string, obj: Readonly<KubeObject>, finalizer: string) => {
    const def = defs.get(key)!;
    const next = cloneJson(obj) as KubeObject;
    next.metadata.finalizers = (next.metadata.finalizers ?? []).filter((f: string) => f !== finalizer);
    if (!next.metadata.finalizers!.length) delete next.metadata.finalizers;
    ignoreMissing(() => api.commitUpdate(def, def, obj, next, { fieldManager: COMPONENT }));
  };

  /** An owner reference still points at a live object with the same uid. */
  const ownerAlive = (r: Json) => !!owners.getByUid(r.uid);

  const process = (item: string) => {
    const [kind, uid] = item.split(':') as [string, string];
    if (kind === 'dependent') {
      // item: dependent:<uid> — an object whose owners may all be gone.
      const ref = owners.refOf(uid);
      const obj = ref && api.store.get(ref.resourceKey, ref.namespace, ref.name);
      if (!ref || !obj || obj.metadata.deletionTimestamp) return;
      const refs: Json[] = obj.metadata.ownerReferences ?? [];
      if (!refs.length) return;
      const alive = refs.filter(ownerAlive);
      if (alive.length === refs.length) return;
      if (alive.length) return stripOwner(ref.resourceKey, obj, (r) => !ownerAlive(r));
      const foreground = refs.some((r) => {
        const o = owners.getByUid(r.uid);
        return o?.metadata.finalizers?.includes('foregroundDeletion');
      });
      ignoreMissing(() => api.delete(defs.get(ref.resourceKey)!, ref.namespace, ref.name, { propagationPolicy: foreground ? 'Foreground' : 'Background' }));
      return;
    }
    const ref = owners.refOf(uid);
    const owner = ref && api.store.get(ref.resourceKey, ref.namespace, ref.name);
    if (kind === 'gone') {
      for (const d of owners.dependentRefs(uid)) {
        const o = api.store.get(d.resourceKey, d.namespace, d.name);
        if (o?.metadata.uid) queue.add(`dependent:${o.metadata.uid}`);
      }
      return;
    }
    if (!ref || !owner?.metadata.deletionTimestamp) return;
    const finalizers: string[] = owner.metadata.finalizers ?? [];
    if (kind === 'orphan' && finalizers.includes('orphan')) {
      for (const d of owners.dependentRefs(uid)) {
        const o = api.store.get(d.resourceKey, d.namespace, d.name);
        if (o) stripOwner(d.resourceKey, o, (r) => r.uid === uid);
      }
      const current = api.store.get(ref.resourceKey, ref.namespace, ref.name);
      if (current) releaseFinalizer(ref.resourceKey, current, 'orphan');
    }
    if (kind === 'foreground' && finalizers.includes('foregroundDeletion')) {
      const deps = owners.dependentsOf(uid);
      for (const o of deps) {
        const r = owners.refOf(o.metadata.uid!);
        if (r && !o.metadata.deletionTimestamp) ignoreMissing(() => api.delete(defs.get(r.resourceKey)!, r.namespace, r.name, { propagationPolicy: 'Foreground' }));
      }
      const blocking = owners.dependentsOf(uid).filter((o) => (o.metadata.ownerReferences ?? []).some((r: Json) => r.uid === uid && r.blockOwnerDeletion));
      const current = api.store.get(ref.resourceKey, ref.namespace, ref.name);
      if (!blocking.length && current) releaseFinalizer(ref.resourceKey, current, 'foregroundDeletion');
    }
  };

  const queue = rt.queue(process);
  const unsub = api.store.subscribe((e) => {
    const o = e.object;
    if (e.type === 'DELETED') {
      queue.add(`gone:${o.metadata.uid}`);
      // A foreground-deleting owner waits for this dependent.
      for (const r of o.metadata.ownerReferences ?? []) if (r?.uid) queue.add(`foreground:${r.uid}`);
      return;
    }
    const fins: string[] = o.metadata.finalizers ?? [];
    if (o.metadata.deletionTimestamp && fins.includes('orphan')) queue.add(`orphan:${o.metadata.uid}`);
    if (o.metadata.deletionTimestamp && fins.includes('foregroundDeletion')) queue.add(`foreground:${o.metadata.uid}`);
    if ((o.metadata.ownerReferences ?? []).length && (e.type === 'ADDED' || e.previous?.metadata.ownerReferences !== o.metadata.ownerReferences)) {
      queue.add(`dependent:${o.metadata.uid}`);
    }
  });
  for (const key of api.store.resourceKeys()) for (const o of api.store.list(key)) if ((o.metadata.ownerReferences ?? []).length) queue.add(`dependent:${o.metadata.uid}`);
  return () => {
    unsub();
    queue.stop();
  };
}
