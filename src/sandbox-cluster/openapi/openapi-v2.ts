import type { Json } from '../core/types.js';
import { SERVER_VERSION } from '../discovery/discovery.js';
import { DEFINITIONS } from './definitions.js';
import type { ObjectDef, Schema } from './schema-dsl.js';

function convert(s: Schema): Json {
  const out: Json = {};
  if (s.d) out.description = s.d;
  switch (s.t) {
    case 'ref': {
      out.$ref = `#/definitions/${s.ref}`;
      const target = DEFINITIONS[s.ref];
      if (target?.strategy) out['x-kubernetes-patch-strategy'] = target.strategy;
      return out;
    }
    case 'array':
      out.type = 'array';
      out.items = convert(s.items);
      if (s.listType) out['x-kubernetes-list-type'] = s.listType;
      if (s.listMapKeys) out['x-kubernetes-list-map-keys'] = s.listMapKeys;
      if (s.mergeKey) out['x-kubernetes-patch-merge-key'] = s.mergeKey;
      if (s.strategy) out['x-kubernetes-patch-strategy'] = s.strategy;
      return out;
    case 'map':
      out.type = 'object';
      out.additionalProperties = convert(s.values);
      return out;
    case 'any':
      out.type = 'object';
      return out;
    case 'integer':
      out.type = 'integer';
      out.format = s.format;
      return out;
    default:
      out.type = s.t;
      if ('format' in s && s.format) out.format = s.format;
      if ('enum' in s && s.enum) out.enum = s.enum;
      return out;
  }
}

function convertDef(def: ObjectDef): Json {
  if (def.scalar) {
    const out: Json = { description: def.d, type: def.scalar.type };
    if (def.scalar.format) out.format = def.scalar.format;
    return out;
  }
  const out: Json = { description: def.d, type: 'object' };
  if (def.required?.length) out.required = def.required;
  out.properties = Object.fromEntries(Object.entries(def.props).map(([k, v]) => [k, convert(v)]));
  if (def.gvk) out['x-kubernetes-group-version-kind'] = def.gvk;
  return out;
}

let cached: Json | undefined;

/** The Swagger 2.0 document: definitions only, which is what kubectl reads. */
export function openApiV2(): Json {
  cached ??= {
    swagger: '2.0',
    info: { title: 'Kubernetes', version: SERVER_VERSION.gitVersion },
    paths: {},
    definitions: Object.fromEntries(
      Object.keys(DEFINITIONS)
        .sort()
        .map((name) => [name, convertDef(DEFINITIONS[name]!)]),
    ),
  };
  return cached;
}
