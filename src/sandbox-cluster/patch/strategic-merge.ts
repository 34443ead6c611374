import { ApiError } from '../core/errors.js';
import { cloneJson, isPlainObject, jsonEqual } from '../core/json.js';
import type { Json } from '../core/types.js';
import { DEFINITIONS, fieldSchema } from '../openapi/definitions.js';
import type { Schema } from '../openapi/schema-dsl.js';

const SET_ORDER = '$setElementOrder/';
const DELETE_PRIMITIVE = '$deleteFromPrimitiveList/';

function listMeta(schema: Schema | undefined): { mergeKey?: string; strategy: string } {
  if (schema?.t !== 'array') return { strategy: 'replace' };
  return { mergeKey: schema.mergeKey, strategy: schema.strategy ?? 'replace' };
}

function itemSchema(schema: Schema | undefined): Schema | undefined {
  return schema?.t === 'array' ? schema.items : undefined;
}

function bad(message: string): never {
  throw new ApiError(400, 'BadRequest', message);
}

/**
 * Applies a strategic merge patch. Lists with a merge key (containers by name, ports by
 * containerPort…) merge element-wise; `$patch`, `$retainKeys`, `$setElementOrder` and
 * `$deleteFromPrimitiveList` directives are honoured. `schema` points at the kind.
 */
export function applyStrategicMergePatch(original: Json, patch: Json, schema: Schema): Json {
  if (!isPlainObject(patch)) bad('strategic merge patch must be a JSON object');
  return mergeMap(isPlainObject(original) ? cloneJson(original) : {}, patch, schema) ?? {};
}

function mergeMap(original: Json, patch: Json, schema: Schema | undefined): Json | undefined {
  const directive = patch.$patch;
  if (directive === 'delete') return undefined;
  if (directive === 'replace') return stripDirectives(patch);
  const out: Json = original;
  const orders: Record<string, Json[]> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (key === '$patch' || key === '$retainKeys') continue;
    if (key.startsWith(SET_ORDER)) {
      orders[key.slice(SET_ORDER.length)] = value as Json[];
      continue;
    }
    if (key.startsWith(DELETE_PRIMITIVE)) {
      const field = key.slice(DELETE_PRIMITIVE.length);
      if (Array.isArray(out[field])) out[field] = out[field].filter((x: Json) => !(value as Json[]).some((d) => jsonEqual(d, x)));
      continue;
    }
    const sub = fieldSchema(schema, key);
    if (value === null) {
      delete out[key];
    } else if (isPlainObject(value)) {
      const merged = mergeMap(isPlainObject(out[key]) ? out[key] : {}, value, sub);
      if (merged === undefined) delete out[key];
      else out[key] = merged;
    } else if (Array.isArray(value)) {
      out[key] = mergeList(Array.isArray(out[key]) ? out[key] : [], value, sub);
    } else {
      out[key] = value;
    }
  }
  for (const [field, order] of Object.entries(orders)) {
    if (Array.isArray(out[field])) out[field] = applyOrder(out[field], order, listMeta(fieldSchema(schema, field)).mergeKey);
  }
  if (Array.isArray(patch.$retainKeys)) {
    const keep = new Set<string>(patch.$retainKeys);
    for (const k of Object.keys(out)) if (!keep.has(k)) delete out[k];
  }
  return out;
}

function stripDirectives(v: Json): Json {
  if (Array.isArray(v)) return v.filter((x) => !(isPlainObject(x) && x.$patch !== undefined && Object.keys(x).length === 1)).map(stripDirectives);
  if (!isPlainObject(v)) return v;
  const out: Json = {};
  for (const [k, x] of Object.entries(v)) if (!k.startsWith('$')) out[k] = stripDirectives(x);
  return out;
}

function mergeList(original: Json[], patch: Json[], schema: Schema | undefined): Json[] {
  const { mergeKey, strategy } = listMeta(schema);
  if (patch.some((x) => isPlainObject(x) && x.$patch === 'replace')) {
    return stripDirectives(patch.filter((x) => !(isPlainObject(x) && x.$patch === 'replace')));
  }
  if (!strategy.includes('merge')) return stripDirectives(patch);
  if (!mergeKey) {
    // A merged list of primitives is a set union (finalizers).
    const out = [...original];
    for (const x of patch) if (!out.some((y) => jsonEqual(x, y))) out.push(x);
    return out;
  }
  const out = original.map((x) => (isPlainObject(x) ? x : x));
  const items = itemSchema(schema);
  for (const p of patch) {
    if (!isPlainObject(p)) bad(`unable to find merge key "${mergeKey}" in a list element that is not a map`);
    const keyValue = p[mergeKey];
    if (keyValue === undefined) bad(`map: ${JSON.stringify(p)} does not contain declared merge key: ${mergeKey}`);
    const idx = out.findIndex((x) => isPlainObject(x) && jsonEqual(x[mergeKey], keyValue));
    if (p.$patch === 'delete') {
      if (idx >= 0) out.splice(idx, 1);
      continue;
    }
    if (idx >= 0) {
      const merged = mergeMap(out[idx], p, items);
      if (merged === undefined) out.splice(idx, 1);
      else out[idx] = merged;
    } else {
      out.push(mergeMap({}, p, items) ?? {});
    }
  }
  return out;
}

/** Reorders a merged list after `$setElementOrder`; elements not named keep their relative order at the end. */
function applyOrder(list: Json[], order: Json[], mergeKey: string | undefined): Json[] {
  const keyOf = (x: Json) => (mergeKey && isPlainObject(x) ? x[mergeKey] : x);
  const orderKeys = order.map((o) => (mergeKey && isPlainObject(o) ? o[mergeKey] : o));
  const ranked = list.map((x, i) => {
    const r = orderKeys.findIndex((k) => jsonEqual(k, keyOf(x)));
    return { x, rank: r >= 0 ? r : orderKeys.length + i };
  });
  ranked.sort((a, b) => a.rank - b.rank);
  return ranked.map((r) => r.x);
}

export function hasSchema(definition: string): boolean {
  return DEFINITIONS[definition] !== undefined;
}
