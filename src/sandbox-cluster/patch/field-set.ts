import { isPlainObject, jsonEqual } from '../core/json.js';
import type { Json } from '../core/types.js';

/** A field path as its segments; lists are atomic leaves in this model. */
export type FieldPath = string[];

const SYSTEM_META = new Set([
  'name',
  'namespace',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'managedFields',
  'selfLink',
  'generateName',
]);

const SEP = '\u0000';

export function pathKey(p: FieldPath): string {
  return p.join(SEP);
}

export function keyPath(k: string): FieldPath {
  return k.split(SEP);
}

/** Leaf paths set in an object, skipping apiVersion/kind and system metadata. */
export function leafPaths(obj: Json, opts: { includeStatus?: boolean } = {}): Set<string> {
  const out = new Set<string>();
  const walk = (v: Json, path: FieldPath) => {
    if (isPlainObject(v) && Object.keys(v).length > 0) {
      for (const [k, child] of Object.entries(v)) walk(child, [...path, k]);
    } else out.add(pathKey(path));
  };
  for (const [k, v] of Object.entries(obj ?? {})) {
    if (k === 'apiVersion' || k === 'kind') continue;
    if (k === 'status' && !opts.includeStatus) continue;
    if (k === 'metadata') {
      for (const [mk, mv] of Object.entries((v ?? {}) as Record<string, Json>)) if (!SYSTEM_META.has(mk)) walk(mv, ['metadata', mk]);
      continue;
    }
    walk(v, [k]);
  }
  return out;
}

export function valueAt(obj: Json, path: FieldPath): { found: boolean; value?: Json } {
  let cur = obj;
  for (const seg of path) {
    if (!isPlainObject(cur) || !Object.prototype.hasOwnProperty.call(cur, seg)) return { found: false };
    cur = cur[seg];
  }
  return { found: true, value: cur };
}

/** Paths whose value differs between two objects (set, changed or removed). */
export function changedPaths(next: Json, prev: Json | undefined, opts: { includeStatus?: boolean } = {}): Set<string> {
  const a = leafPaths(next, opts);
  const b = prev ? leafPaths(prev, opts) : new Set<string>();
  const out = new Set<string>();
  for (const k of a) {
    const before = valueAt(prev, keyPath(k));
    if (!before.found || !jsonEqual(before.value, valueAt(next, keyPath(k)).value)) out.add(k);
  }
  for (const k of b) if (!a.has(k)) out.add(k);
  return out;
}

/** Encodes a path set as FieldsV1 (`{"f:spec":{"f:replicas":{}}}`). */
export function toFieldsV1(paths: Iterable<string>): Json {
  const root: Json = {};
  for (const k of paths) {
    let cur = root;
    const segs = keyPath(k);
    segs.forEach((seg, i) => {
      const key = `f:${seg}`;
      cur[key] ??= {};
      cur = cur[key];
      if (i < segs.length - 1 && i > 0) cur['.'] ??= {};
    });
  }
  return root;
}

export function fromFieldsV1(fields: Json): Set<string> {
  const out = new Set<string>();
  const walk = (node: Json, path: FieldPath) => {
    const keys = Object.keys(node ?? {}).filter((k) => k.startsWith('f:'));
    if (keys.length === 0) {
      if (path.length) out.add(pathKey(path));
      return;
    }
    for (const k of keys) walk(node[k], [...path, k.slice(2)]);
  };
  walk(fields, []);
  return out;
}

/** Deletes a leaf path, then prunes parent maps left empty. */
export function deletePath(obj: Json, path: FieldPath): void {
  const parents: Json[] = [];
  let cur = obj;
  for (const seg of path.slice(0, -1)) {
    if (!isPlainObject(cur[seg])) return;
    parents.push(cur);
    cur = cur[seg];
  }
  delete cur[path[path.length - 1]!];
  for (let i = path.length - 2; i >= 0; i--) {
    const parent = parents[i];
    const child = parent[path[i]!];
    if (isPlainObject(child) && Object.keys(child).length === 0 && !(i === 0 && path[0] === 'metadata')) delete parent[path[i]!];
    else break;
  }
}

export function setPath(obj: Json, path: FieldPath, value: Json): void {
  let cur = obj;
  for (const seg of path.slice(0, -1)) {
    if (!isPlainObject(cur[seg])) cur[seg] = {};
    cur = cur[seg];
  }
  cur[path[path.length - 1]!] = value;
}

export function formatPath(k: string): string {
  return keyPath(k)
    .map((s) => `.${s}`)
    .join('');
}
