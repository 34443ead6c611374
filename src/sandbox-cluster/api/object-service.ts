import { randomUUID } from 'node:crypto';
import { ApiError, errors } from '../core/errors.js';
import { cloneJson, isPlainObject, jsonEqual } from '../core/json.js';
import { type Clock, formatTime, type Json, type KubeObject } from '../core/types.js';
import { recordUpdate } from '../patch/managed-fields.js';
import { apiVersionOf, resourceKeyOf, type ResourceDef } from '../registry/resource-def.js';
import type { ResourceRegistry } from '../registry/resource-registry.js';
import type { ObjectStore } from '../store/object-store.js';
import { validateObjectMeta } from '../validation/validate-meta.js';
import type { AdmissionPlugin, AdmissionRequest } from './admission.js';
import { listObjects, type ListResult } from './list.js';
import type { DeleteOptions, ListOptions, WriteOptions } from './request-options.js';

const NAME_CHARS = 'bcdfghjklmnpqrstvwxz2456789';

function randomSuffix(): string {
  let s = '';
  for (let i = 0; i < 5; i++) s += NAME_CHARS[Math.floor(Math.random() * NAME_CHARS.length)];
  return s;
}

/** Finalizers (and, for namespaces, spec.finalizers) hold an object in Terminating state. */
export function blocksDeletion(obj: Readonly<KubeObject>): boolean {
  if ((obj.metadata.finalizers ?? []).length > 0) return true;
  return obj.kind === 'Namespace' && (obj.spec?.finalizers ?? []).length > 0;
}

/** Everything but metadata and status: a change here bumps `metadata.generation`. */
function specPart(obj: Json): Json {
  const { metadata: _m, status: _s, ...rest } = obj ?? {};
  return rest;
}

export interface ServiceDeps {
  store: ObjectStore;
  registry: ResourceRegistry;
  clock: Clock;
  admission: AdmissionPlugin[];
}

/**
 * The API semantics on top of the store: defaulting, validation, admission,
 * optimistic concurrency, generation, finalizers. HTTP handlers and in-process
 * controllers both go through it, so they see the same rules.
 */
export class ObjectService {
  constructor(private readonly deps: ServiceDeps) {}

  get store(): ObjectStore {
    return this.deps.store;
  }

  get registry(): ResourceRegistry {
    return this.deps.registry;
  }

  now(): Date {
    return this.deps.clock.now();
  }

  /** Reads the stored object (frozen) or throws NotFound. */
  getStored(def: ResourceDef, namespace: string, name: string): Readonly<KubeObject> {
    const obj = this.deps.store.get(resourceKeyOf(def), def.namespaced ? namespace : '', name);
    if (!obj) throw errors.notFound(def.plural, def.group, name);
    return obj;
  }

  /** Returns the object in `def`'s version; frozen when no conversion was needed. */
  get(def: ResourceDef, namespace: string, name: string): Readonly<KubeObject> {
    return this.present(def, this.getStored(def, namespace, name));
  }

  list(def: ResourceDef, namespace: string | undefined, opts: ListOptions = {}): ListResult {
    const result = listObjects(this.deps.store, def, def.namespaced ? namespace : undefined, opts);
    return { ...result, items: result.items.map((o) => this.present(def, o)) };
  }

  /** Converts a stored object to the served version of `def`. */
  present(def: ResourceDef, stored: Readonly<KubeObject>): Readonly<KubeObject> {
    return def.fromStorage ? def.fromStorage(stored) : stored;
  }

  create(def: ResourceDef, namespace: string, body: Json, opts: WriteOptions = {}): Readonly<KubeObject> {
    if (!isPlainObject(body)) throw errors.badRequest('the body of the request was in an unknown format');
    const storageDef = this.deps.registry.storageOf(def);
    let obj: KubeObject = cloneJson(def.toStorage ? def.toStorage(body) : body);
    obj.metadata = isPlainObject(obj.metadata) ? obj.metadata : {};
    this.checkNamespace(def, namespace, obj);
    obj.apiVersion = apiVersionOf(storageDef);
    obj.kind = storageDef.kind;
    const meta = obj.metadata;
    if (!meta.name && meta.generateName) meta.name = `${String(meta.generateName).slice(0, 58)}${randomSuffix()}`;
    const now = this.now();
    meta.uid = randomUUID();
    meta.creationTimestamp = formatTime(now);
    delete meta.resourceVersion;
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
    delete meta.selfLink;
    if (storageDef.hasGeneration) meta.generation = 1;
    else delete meta.generation;
    storageDef.defaults?.(obj);
    storageDef.prepareCreate?.(obj);
    const name = meta.name ?? '';
    const req: AdmissionRequest = { operation: 'CREATE', def: storageDef, namespace: obj.metadata.namespace ?? '', name, object: obj, user: opts.user, dryRun: !!opts.dryRun };
    this.mutate(req);
    storageDef.afterMutation?.(obj);
    this.validate(storageDef, def, obj, undefined);
    this.admitValidate(req);
    if (this.deps.store.get(resourceKeyOf(storageDef), obj.metadata.namespace ?? '', name)) {
      throw errors.alreadyExists(def.plural, def.group, name);
    }
    if (!opts.skipManagedFields) recordUpdate(obj, undefined, this.manager(opts), apiVersionOf(def), formatTime(now));
    if (opts.dryRun) return this.present(def, obj);
    obj = this.deps.store.put(resourceKeyOf(storageDef), obj) as KubeObject;
    return this.present(def, obj);
  }

  /**
   * Replaces an object (PUT). `subresource: 'status'` takes only status from the body;
   * the main resource keeps the stored status for kinds with a status subresource.
   */
  update(def: ResourceDef, namespace: string, name: string, body: Json, opts: WriteOptions & { subresource?: string } = {}): Readonly<KubeObject> {
    if (!isPlainObject(body)) throw errors.badRequest('the body of the request was in an unknown format');
    const storageDef = this.deps.registry.storageOf(def);
    const existing = this.getStored(def, namespace, name);
    const incoming: KubeObject = cloneJson(def.toStorage ? def.toStorage(body) : body);
    incoming.metadata = isPlainObject(incoming.metadata) ? incoming.metadata : {};
    if (incoming.metadata.name && incoming.metadata.name !== name) {
      throw errors.badRequest(`the name of the object (${incoming.metadata.name}) does not match the name on the URL (${name})`);
    }
    this.checkNamespace(def, namespace, incoming);
    const rv = incoming.metadata.resourceVersion;
    if (rv && rv !== existing.metadata.resourceVersion) throw errors.staleResourceVersion(def.plural, def.group, name);
    let next: KubeObject;
    if (opts.subresource === 'status') {
      next = cloneJson(existing) as KubeObject;
      next.status = incoming.status;
    } else {
      next = incoming;
      if (storageDef.hasStatus) {
        if (existing.status === undefined) delete next.status;
        else next.status = cloneJson(existing.status);
      }
    }
    next.apiVersion = existing.apiVersion;
    next.kind = existing.kind;
    const meta = next.metadata;
    for (const k of ['name', 'namespace', 'uid', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'generation'] as const) {
      if (existing.metadata[k] === undefined) delete meta[k];
      else meta[k] = cloneJson(existing.metadata[k]) as never;
    }
    if (opts.subresource !== 'status') storageDef.defaults?.(next);
    if (storageDef.hasGeneration && !jsonEqual(specPart(next), specPart(existing))) meta.generation = (existing.metadata.generation ?? 0) + 1;
    return this.commitUpdate(def, storageDef, existing, next, opts);
  }

  /** Shared tail of update/patch/scale: admission, validation, no-op detection, finalizers. */
  commitUpdate(
    def: ResourceDef,
    storageDef: ResourceDef,
    existing: Readonly<KubeObject>,
    next: KubeObject,
    opts: WriteOptions & { subresource?: string },
  ): Readonly<KubeObject> {
    const namespace = existing.metadata.namespace ?? '';
    const name = existing.metadata.name!;
    const req: AdmissionRequest = { operation: 'UPDATE', def: storageDef, subresource: opts.subresource, namespace, name, object: next, old: existing, user: opts.user, dryRun: !!opts.dryRun };
    this.mutate(req);
    this.validate(storageDef, def, next, existing);
    this.admitValidate(req);
    const now = this.now();
    if (!opts.skipManagedFields) {
      recordUpdate(next, existing, this.manager(opts), apiVersionOf(def), formatTime(now), opts.subresource === 'status' ? 'status' : undefined);
    }
    next.metadata.resourceVersion = existing.metadata.resourceVersion;
    if (jsonEqual(next, existing)) return this.present(def, existing);
    if (opts.dryRun) return this.present(def, next);
    if (existing.metadata.deletionTimestamp && !blocksDeletion(next)) {
      const final = this.deps.store.remove(resourceKeyOf(storageDef), namespace, name, next);
      return this.present(def, final!);
    }
    return this.present(def, this.deps.store.put(resourceKeyOf(storageDef), next));
  }

  delete(def: ResourceDef, namespace: string, name: string, opts: DeleteOptions = {}): { object: Readonly<KubeObject>; pending: boolean } {
    const storageDef = this.deps.registry.storageOf(def);
    const existing = this.getStored(def, namespace, name);
    const pre = opts.preconditions ?? {};
    if (pre.uid && pre.uid !== existing.metadata.uid) {
      throw errors.conflict(def.plural, def.group, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${existing.metadata.uid}`);
    }
    if (pre.resourceVersion && pre.resourceVersion !== existing.metadata.resourceVersion) {
      throw errors.conflict(
        def.plural,
        def.group,
        name,
        `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${existing.metadata.resourceVersion}`,
      );
    }
    this.admitValidate({ operation: 'DELETE', def: storageDef, namespace: existing.metadata.namespace ?? '', name, old: existing, user: opts.user, dryRun: !!opts.dryRun });
    const key = resourceKeyOf(storageDef);
    const next = cloneJson(existing) as KubeObject;
    const finalizers = new Set<string>(next.metadata.finalizers ?? []);
    if (opts.propagationPolicy === 'Orphan') finalizers.add('orphan');
    if (opts.propagationPolicy === 'Foreground') finalizers.add('foregroundDeletion');
    if (storageDef.kind === 'Namespace') {
      next.status = { ...next.status, phase: 'Terminating' };
    }
    if (finalizers.size) next.metadata.finalizers = [...finalizers];
    else delete next.metadata.finalizers;
    const mustWait = blocksDeletion(next);
    if (!mustWait) {
      if (opts.dryRun) return { object: this.present(def, existing), pending: false };
      const final = this.deps.store.remove(key, existing.metadata.namespace ?? '', name);
      return { object: this.present(def, final!), pending: false };
    }
    if (existing.metadata.deletionTimestamp && finalizers.size === (existing.metadata.finalizers ?? []).length) {
      return { object: this.present(def, existing), pending: true };
    }
    next.metadata.deletionTimestamp ??= formatTime(this.now());
    next.metadata.deletionGracePeriodSeconds ??= 0;
    if (opts.dryRun) return { object: this.present(def, next), pending: true };
    return { object: this.present(def, this.deps.store.put(key, next)), pending: true };
  }

  deleteCollection(def: ResourceDef, namespace: string | undefined, listOpts: ListOptions, opts: DeleteOptions = {}): Readonly<KubeObject>[] {
    const { items } = listObjects(this.deps.store, def, def.namespaced ? namespace : undefined, { ...listOpts, limit: undefined, continue: undefined });
    const out: Readonly<KubeObject>[] = [];
    for (const item of items) {
      try {
        out.push(this.delete(def, item.metadata.namespace ?? '', item.metadata.name!, opts).object);
      } catch (e) {
        if (!(e instanceof ApiError && e.code === 404)) throw e;
      }
    }
    return out;
  }

  private manager(opts: WriteOptions): string {
    return opts.fieldManager || 'unknown';
  }

  private checkNamespace(def: ResourceDef, namespace: string, obj: KubeObject): void {
    if (!def.namespaced) {
      delete obj.metadata.namespace;
      return;
    }
    if (obj.metadata.namespace && namespace && obj.metadata.namespace !== namespace) {
      throw errors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
    }
    obj.metadata.namespace = namespace || obj.metadata.namespace;
  }

  private mutate(req: AdmissionRequest): void {
    for (const p of this.deps.admission) p.mutate?.(req);
  }

  private admitValidate(req: AdmissionRequest): void {
    for (const p of this.deps.admission) p.validate?.(req);
  }

  private validate(storageDef: ResourceDef, servedDef: ResourceDef, obj: KubeObject, old: Readonly<KubeObject> | undefined): void {
    const causes = validateObjectMeta(obj.metadata, storageDef.nameRule, storageDef.namespaced);
    causes.push(...(storageDef.validate?.(obj, { old }) ?? []));
    if (old) causes.push(...(storageDef.immutable?.(obj, old) ?? []));
    if (causes.length) {
      throw errors.invalid({ group: servedDef.group, kind: servedDef.kind }, obj.metadata.name ?? obj.metadata.generateName ?? '', causes);
    }
  }
}
