import type { Json, KubeObject } from '../core/types.js';
import { changedPaths, fromFieldsV1, leafPaths, toFieldsV1 } from './field-set.js';

export interface ManagedEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  subresource?: string;
  fields: Set<string>;
}

export function readManaged(obj: Readonly<KubeObject> | undefined): ManagedEntry[] {
  return ((obj?.metadata.managedFields ?? []) as Json[]).map((e) => ({
    manager: e.manager,
    operation: e.operation,
    apiVersion: e.apiVersion,
    time: e.time,
    subresource: e.subresource,
    fields: fromFieldsV1(e.fieldsV1),
  }));
}

export function writeManaged(obj: KubeObject, entries: ManagedEntry[]): void {
  const kept = entries.filter((e) => e.fields.size > 0);
  if (!kept.length) {
    delete obj.metadata.managedFields;
    return;
  }
  obj.metadata.managedFields = kept.map((e) => {
    const out: Json = { manager: e.manager, operation: e.operation, apiVersion: e.apiVersion, time: e.time, fieldsType: 'FieldsV1', fieldsV1: toFieldsV1(e.fields) };
    if (e.subresource) out.subresource = e.subresource;
    return out;
  });
}

/** Drops paths no longer present in the object from every manager. */
export function pruneMissing(entries: ManagedEntry[], obj: Readonly<KubeObject>, subresource?: string): void {
  const present = leafPaths(obj, { includeStatus: true });
  for (const e of entries) {
    if ((e.subresource ?? '') !== (subresource ?? '')) continue;
    for (const f of [...e.fields]) if (!present.has(f)) e.fields.delete(f);
  }
}

/**
 * A non-apply write: the manager takes the fields it changed; other managers lose them.
 */
export function recordUpdate(
  next: KubeObject,
  prev: Readonly<KubeObject> | undefined,
  manager: string,
  apiVersion: string,
  time: string,
  subresource?: string,
): void {
  const entries = readManaged(prev);
  const statusOnly = subresource === 'status';
  const changed = changedPaths(statusOnly ? { status: next.status } : next, statusOnly ? { status: prev?.status } : prev, {
    includeStatus: statusOnly,
  });
  if (changed.size === 0 && prev) {
    writeManaged(next, entries);
    return;
  }
  for (const e of entries) for (const f of changed) e.fields.delete(f);
  let mine = entries.find((e) => e.manager === manager && e.operation === 'Update' && (e.subresource ?? '') === (subresource ?? ''));
  if (!mine) {
    mine = { manager, operation: 'Update', apiVersion, time, subresource, fields: new Set() };
    entries.push(mine);
  }
  mine.time = time;
  mine.apiVersion = apiVersion;
  const present = leafPaths(next, { includeStatus: statusOnly });
  for (const f of changed) if (present.has(f)) mine.fields.add(f);
  pruneMissing(entries, next, subresource);
  writeManaged(next, entries);
}
