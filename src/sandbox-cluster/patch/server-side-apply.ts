import { ApiError } from '../core/errors.js';
import { cloneJson, jsonEqual } from '../core/json.js';
import type { Cause, Json, KubeObject } from '../core/types.js';
import { deletePath, formatPath, keyPath, leafPaths, setPath, valueAt } from './field-set.js';
import { readManaged, writeManaged, type ManagedEntry } from './managed-fields.js';

export interface ApplyInput {
  existing: Readonly<KubeObject>;
  config: Json;
  manager: string;
  apiVersion: string;
  time: string;
  force: boolean;
}

/**
 * Server-side apply on an existing object. The manager owns exactly the fields in its
 * configuration: they are set, fields it owned before and dropped are removed (unless
 * another manager also owns them), and changing a field owned by someone else is a
 * conflict unless forced. Lists are atomic here.
 */
export function applyConfiguration(input: ApplyInput): KubeObject {
  const { existing, config, manager, apiVersion, time, force } = input;
  const entries = readManaged(existing);
  const applied = leafPaths(config);
  const conflicts: Array<{ path: string; manager: string; apiVersion: string }> = [];
  for (const p of applied) {
    const current = valueAt(existing, keyPath(p));
    if (!current.found || jsonEqual(current.value, valueAt(config, keyPath(p)).value)) continue;
    for (const e of entries) {
      if (e.manager === manager && e.operation === 'Apply') continue;
      if (e.subresource) continue;
      if (e.fields.has(p)) conflicts.push({ path: p, manager: e.manager, apiVersion: e.apiVersion });
    }
  }
  if (conflicts.length && !force) throw conflictError(conflicts);
  const next = cloneJson(existing) as KubeObject;
  for (const p of applied) setPath(next, keyPath(p), cloneJson(valueAt(config, keyPath(p)).value));
  const mine = entries.find((e) => e.manager === manager && e.operation === 'Apply' && !e.subresource);
  const others = entries.filter((e) => e !== mine);
  if (mine) {
    for (const p of mine.fields) {
      if (applied.has(p)) continue;
      if (others.some((e) => e.fields.has(p))) continue;
      deletePath(next, keyPath(p));
    }
  }
  if (force) for (const c of conflicts) for (const e of others) if (e.manager === c.manager) e.fields.delete(c.path);
  const entry: ManagedEntry = { manager, operation: 'Apply', apiVersion, time, fields: new Set(applied) };
  writeManaged(next, [...others, entry]);
  return next;
}

/** Managed fields for an object created by apply: the manager owns everything it sent. */
export function recordApplyCreate(obj: KubeObject, config: Json, manager: string, apiVersion: string, time: string): void {
  writeManaged(obj, [{ manager, operation: 'Apply', apiVersion, time, fields: leafPaths(config) }]);
}

function conflictError(conflicts: Array<{ path: string; manager: string; apiVersion: string }>): ApiError {
  const causes: Cause[] = conflicts.map((c) => ({
    reason: 'FieldManagerConflict',
    message: `conflict with "${c.manager}" using ${c.apiVersion}`,
    field: formatPath(c.path),
  }));
  let message: string;
  if (conflicts.length === 1) {
    const c = conflicts[0]!;
    message = `Apply failed with 1 conflict: conflict with "${c.manager}" using ${c.apiVersion}: ${formatPath(c.path)}`;
  } else {
    message = `Apply failed with ${conflicts.length} conflicts: ${conflicts.map((c) => `conflict with "${c.manager}" using ${c.apiVersion}: ${formatPath(c.path)}`).join('\n')}`;
  }
  return new ApiError(409, 'Conflict', message, { causes });
}
