import type { Json, KubeObject } from '../../core/types.js';
import type { ObjectStore } from '../../store/object-store.js';

export interface ObjectRef {
  resourceKey: string;
  namespace: string;
  name: string;
}

const refKey = (r: ObjectRef) => `${r.resourceKey}|${r.namespace}|${r.name}`;

/** The controller reference (ownerReferences entry with controller: true), if any. */
export function controllerRef(obj: Readonly<KubeObject>): Json | undefined {
  return (obj.metadata.ownerReferences ?? []).find((r: Json) => r.controller);
}

export function ownerRefTo(owner: Readonly<KubeObject>, blockOwnerDeletion = true): Json {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
    blockOwnerDeletion,
  };
}

/**
 * uid → object and owner uid → dependents, kept current from store events; the garbage
 * collector and every workload controller look up what they own here instead of
 * scanning all objects.
 */
export class OwnerIndex {
  private readonly byUid = new Map<string, ObjectRef>();
  private readonly dependents = new Map<string, Map<string, ObjectRef>>();
  readonly unsubscribe: () => void;

  constructor(private readonly store: ObjectStore) {
    for (const key of store.resourceKeys()) for (const o of store.list(key)) this.add(key, o);
    this.unsubscribe = store.subscribe((e) => {
      if (e.previous) this.remove(e.resourceKey, e.previous);
      if (e.type !== 'DELETED') this.add(e.resourceKey, e.object);
    });
  }

  refOf(uid: string): ObjectRef | undefined {
    return this.byUid.get(uid);
  }

  getByUid(uid: string): Readonly<KubeObject> | undefined {
    const r = this.byUid.get(uid);
    return r ? this.store.get(r.resourceKey, r.namespace, r.name) : undefined;
  }

  /** Objects listing `ownerUid` in their ownerReferences, optionally of one resource. */
  dependentsOf(ownerUid: string, resourceKey?: string): Readonly<KubeObject>[] {
    const out: Readonly<KubeObject>[] = [];
    for (const r of this.dependents.get(ownerUid)?.values() ?? []) {
      if (resourceKey && r.resourceKey !== resourceKey) continue;
      const o = this.store.get(r.resourceKey, r.namespace, r.name);
      if (o) out.push(o);
    }
    return out;
  }

  dependentRefs(ownerUid: string): ObjectRef[] {
    return [...(this.dependents.get(ownerUid)?.values() ?? [])];
  }

  /** Dependents whose controller is `ownerUid`. */
  controlledBy(ownerUid: string, resourceKey: string): Readonly<KubeObject>[] {
    return this.dependentsOf(ownerUid, resourceKey).filter((o) => controllerRef(o)?.uid === ownerUid);
  }

  private add(resourceKey: string, o: Readonly<KubeObject>): void {
    const ref: ObjectRef = { resourceKey, namespace: o.metadata.namespace ?? '', name: o.metadata.name! };
    if (o.metadata.uid) this.byUid.set(o.metadata.uid, ref);
    for (const owner of o.metadata.ownerReferences ?? []) {
      if (!owner?.uid) continue;
      let m = this.dependents.get(owner.uid);
      if (!m) this.dependents.set(owner.uid, (m = new Map()));
      m.set(refKey(ref), ref);
    }
  }

  private remove(resourceKey: string, o: Readonly<KubeObject>): void {
    const ref: ObjectRef = { resourceKey, namespace: o.metadata.namespace ?? '', name: o.metadata.name! };
    if (o.metadata.uid && this.byUid.get(o.metadata.uid)?.name === ref.name) this.byUid.delete(o.metadata.uid);
    for (const owner of o.metadata.ownerReferences ?? []) {
      const m = this.dependents.get(owner?.uid);
      if (!m) continue;
      m.delete(refKey(ref));
      if (!m.size) this.dependents.delete(owner.uid);
    }
  }
}
