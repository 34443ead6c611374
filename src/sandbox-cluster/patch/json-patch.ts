import { ApiError } from '../core/errors.js';
import { cloneJson, isPlainObject, jsonEqual } from '../core/json.js';
import type { Json } from '../core/types.js';

function fail(message: string): never {
  throw new ApiError(422, 'Invalid', message);
}

function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) fail(`invalid JSON pointer: ${pointer}`);
  return pointer
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(doc: Json, path: string[], op: string, pointer: string): { parent: Json; key: string } {
  let cur = doc;
  for (const seg of path.slice(0, -1)) {
    if (Array.isArray(cur)) {
      const i = Number(seg);
      if (!Number.isInteger(i) || i < 0 || i >= cur.length) fail(`${op} operation does not apply: doc is missing path: "${pointer}": missing value`);
      cur = cur[i];
    } else if (isPlainObject(cur) && seg in cur) cur = cur[seg];
    else fail(`${op} operation does not apply: doc is missing path: "${pointer}": missing value`);
  }
  return { parent: cur, key: path[path.length - 1]! };
}

function getAt(doc: Json, pointer: string, op: string): Json {
  const path = parsePointer(pointer);
  if (!path.length) return doc;
  const { parent, key } = parentOf(doc, path, op, pointer);
  if (Array.isArray(parent)) {
    const i = Number(key);
    if (!Number.isInteger(i) || i < 0 || i >= parent.length) fail(`${op} operation does not apply: doc is missing path: "${pointer}": missing value`);
    return parent[i];
  }
  if (!isPlainObject(parent) || !(key in parent)) fail(`${op} operation does not apply: doc is missing path: "${pointer}": missing value`);
  return parent[key];
}

function add(doc: Json, pointer: string, value: Json): Json {
  const path = parsePointer(pointer);
  if (!path.length) return value;
  const { parent, key } = parentOf(doc, path, 'add', pointer);
  if (Array.isArray(parent)) {
    const i = key === '-' ? parent.length : Number(key);
    if (!Number.isInteger(i) || i < 0 || i > parent.length) fail(`add operation does not apply: doc is missing path: "${pointer}": missing value`);
    parent.splice(i, 0, value);
  } else if (isPlainObject(parent)) parent[key] = value;
  else fail(`add operation does not apply: doc is missing path: "${pointer}": missing value`);
  return doc;
}

function remove(doc: Json, pointer: string, op = 'remove'): Json {
  const path = parsePointer(pointer);
  const { parent, key } = parentOf(doc, path, op, pointer);
  if (Array.isArray(parent)) {
    const i = Number(key);
    if (!Number.isInteger(i) || i < 0 || i >= parent.length) fail(`${op} operation does not apply: doc is missing path: "${pointer}": missing value`);
    parent.splice(i, 1);
  } else if (isPlainObject(parent) && key in parent) delete parent[key];
  else fail(`${op} operation does not apply: doc is missing path: "${pointer}": missing value`);
  return doc;
}

/** Applies an RFC 6902 JSON patch to a copy of `original`. */
export function applyJsonPatch(original: Json, patch: Json): Json {
  if (!Array.isArray(patch)) throw new ApiError(400, 'BadRequest', 'json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  let doc = cloneJson(original);
  for (const op of patch) {
    const pointer: string = op?.path ?? '';
    switch (op?.op) {
      case 'add':
        doc = add(doc, pointer, cloneJson(op.value));
        break;
      case 'remove':
        doc = remove(doc, pointer);
        break;
      case 'replace': {
        getAt(doc, pointer, 'replace');
        const path = parsePointer(pointer);
        if (!path.length) doc = cloneJson(op.value);
        else {
          const { parent, key } = parentOf(doc, path, 'replace', pointer);
          if (Array.isArray(parent)) parent[Number(key)] = cloneJson(op.value);
          else parent[key] = cloneJson(op.value);
        }
        break;
      }
      case 'move': {
        const value = getAt(doc, op.from, 'move');
        doc = remove(doc, op.from, 'move');
        doc = add(doc, pointer, value);
        break;
      }
      case 'copy':
        doc = add(doc, pointer, cloneJson(getAt(doc, op.from, 'copy')));
        break;
      case 'test':
        if (!jsonEqual(getAt(doc, pointer, 'test'), op.value)) fail(`testing value ${pointer} failed: test failed`);
        break;
      default:
        fail(`Unexpected kind: ${op?.op}`);
    }
  }
  return doc;
}
