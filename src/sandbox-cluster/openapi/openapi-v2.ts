import type { Json } from '../core/types.js';
import { SERVER_VERSION } from '../discovery/discovery.js';
import type { ResourceDef } from '../registry/resource-def.js';
import { ResourceRegistry } from '../registry/resource-registry.js';
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

function resourcePaths(defs: ResourceDef[]): Json {
  const paths: Json = {};
  for (const d of defs) {
    if (d.virtual) continue;
    const prefix = d.group ? `/apis/${d.group}/${d.version}` : `/api/${d.version}`;
    const path = `${prefix}${d.namespaced ? '/namespaces/{namespace}' : ''}/${d.plural}/{name}`;
    const id = `patch${d.group.split('.')[0]!.replace(/^./, (c) => c.toUpperCase()) || 'Core'}${d.version.replace(/^./, (c) => c.toUpperCase())}${d.namespaced ? 'Namespaced' : ''}${d.kind}`;
    paths[path] = {
      patch: {
        operationId: id,
        consumes: ['application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json', 'application/apply-patch+yaml'],
        produces: ['application/json'],
        parameters: [
          { name: 'dryRun', in: 'query', type: 'string', uniqueItems: true, description: 'When present, indicates that modifications should not be persisted. Valid value: All.' },
          { name: 'fieldManager', in: 'query', type: 'string', uniqueItems: true, description: 'A name associated with the actor or entity that is making these changes.' },
          { name: 'force', in: 'query', type: 'boolean', uniqueItems: true, description: 'Force is going to "force" Apply requests.' },
        ],
        'x-kubernetes-action': 'patch',
        // kubectl's dry-run check looks for this extension on the PATCH operation.
        'x-kubernetes-group-version-kind': { group: d.group, kind: d.kind, version: d.version },
      },
    };
  }
  return paths;
}

let cached: Json | undefined;

/** The Swagger 2.0 document: definitions only, which is what kubectl reads. */
export function openApiV2(): Json {
  cached ??= {
    swagger: '2.0',
    info: { title: 'Kubernetes', version: SERVER_VERSION.gitVersion },
    paths: resourcePaths(new ResourceRegistry().defs),
    definitions: Object.fromEntries(
      Object.keys(DEFINITIONS)
        .sort()
        .map((name) => [name, convertDef(DEFINITIONS[name]!)]),
    ),
  };
  return cached;
}
