import type { SeededRandom } from '../../../src/common/random/seeded-random.js';

export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  minimum?: number;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
}

interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

interface OperationObject {
  parameters?: ParameterObject[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components: { schemas: Record<string, Schema> };
}

export interface Operation {
  /** `PUT /v1/attempts/{attemptId}/answers/{position}`, as reports name it. */
  name: string;
  method: string;
  path: string;
  pathParams: ParameterObject[];
  queryParams: ParameterObject[];
  /** Content types it documents, JSON first; empty for a body-less operation. */
  contentTypes: string[];
  bodySchema?: Schema;
  /** POST, PUT and PATCH get body mutations even when no body is documented. */
  takesBody: boolean;
}

export interface SampleNames {
  realIds: Record<string, string>;
  realIdLists: Record<string, string[]>;
  /** Whole valid bodies by operation name, where the schema says too little. */
  bodies: Record<string, unknown>;
}

const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

export function listOperations(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => HTTP_METHODS.has(method))
      .map(([method, op]) => {
        const content = op.requestBody?.content ?? {};
        const contentTypes = Object.keys(content).sort((a, b) => Number(b === 'application/json') - Number(a === 'application/json'));
        const parameters = op.parameters ?? [];
        return {
          name: `${method.toUpperCase()} ${path}`,
          method: method.toUpperCase(),
          path,
          pathParams: parameters.filter((p) => p.in === 'path'),
          queryParams: parameters.filter((p) => p.in === 'query'),
          contentTypes,
          bodySchema: contentTypes[0] ? content[contentTypes[0]]?.schema : undefined,
          takesBody: ['post', 'put', 'patch'].includes(method),
        };
      }),
  );
}

export function resolveSchema(schema: Schema | undefined, doc: OpenApiDocument): Schema {
  let current = schema ?? {};
  for (let guard = 0; guard < 10; guard += 1) {
    if (current.$ref) current = doc.components.schemas[current.$ref.split('/').pop()!] ?? {};
    else if (current.allOf?.[0]) current = { ...current.allOf[0], ...current, allOf: undefined };
    else if (current.oneOf?.[0]) current = current.oneOf[0];
    else if (current.anyOf?.[0]) current = current.anyOf[0];
    else return current;
  }
  return current;
}

/** A UUID drawn from the seeded generator, so a failing run can be replayed exactly. */
export function seededUuid(rng: SeededRandom): string {
  const hex = Array.from({ length: 32 }, () => rng.int(16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/**
 * A value that looks valid for the schema: its example where it has one, real ids for
 * fields named like the ids the world holds, otherwise the simplest value of the type.
 */
export function sampleFor(schema: Schema | undefined, doc: OpenApiDocument, names: SampleNames, rng: SeededRandom, property = '', depth = 0): unknown {
  const resolved = resolveSchema(schema, doc);
  if (names.realIds[property] !== undefined && resolved.type !== 'array') return names.realIds[property];
  if (names.realIdLists[property] && resolved.type === 'array') return names.realIdLists[property];
  if (resolved.example !== undefined) return structuredClone(resolved.example);
  if (resolved.enum?.length) return resolved.enum[rng.int(resolved.enum.length)];
  if (resolved.default !== undefined) return structuredClone(resolved.default);
  if (depth > 6) return null;
  switch (resolved.type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(resolved.properties ?? {}).map(([name, child]) => [name, sampleFor(child, doc, names, rng, name, depth + 1)]),
      );
    case 'array':
      return [sampleFor(resolved.items, doc, names, rng, property, depth + 1)];
    case 'number':
    case 'integer':
      return resolved.minimum ?? 1;
    case 'boolean':
      return false;
    case 'string':
      if (resolved.format === 'uuid') return seededUuid(rng);
      if (property.toLowerCase().includes('email')) return 'fuzz@learner.example';
      return 'fuzz-text';
    default:
      return resolved.properties ? sampleFor({ ...resolved, type: 'object' }, doc, names, rng, property, depth) : 'fuzz-text';
  }
}

export type ValuePath = Array<string | number>;

/** Every position in a value (the root included), with what sits there. */
export function positionsOf(value: unknown): Array<{ path: ValuePath; kind: string }> {
  const found: Array<{ path: ValuePath; kind: string }> = [];
  const pending: Array<{ value: unknown; path: ValuePath }> = [{ value, path: [] }];
  while (pending.length) {
    const { value: current, path } = pending.pop()!;
    const kind = current === null ? 'null' : Array.isArray(current) ? 'array' : typeof current;
    found.push({ path, kind });
    if (Array.isArray(current)) current.forEach((item, i) => pending.push({ value: item, path: [...path, i] }));
    else if (current && typeof current === 'object') Object.entries(current).forEach(([k, v]) => pending.push({ value: v, path: [...path, k] }));
  }
  return found;
}

/** A copy of `root` with `replacement` at `path`. */
export function replaceAt(root: unknown, path: ValuePath, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = replacement;
  return copy;
}
