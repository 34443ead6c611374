import { coreDefs } from './defs-core.js';
import { metaDefs } from './defs-meta.js';
import { otherDefs } from './defs-other.js';
import { podDefs } from './defs-pod.js';
import { policyDefs } from './defs-policy.js';
import { storageDefs } from './defs-storage.js';
import { workloadDefs } from './defs-workloads.js';
import type { ObjectDef, Schema } from './schema-dsl.js';

export const DEFINITIONS: Record<string, ObjectDef> = { ...metaDefs, ...podDefs, ...coreDefs, ...workloadDefs, ...otherDefs, ...policyDefs, ...storageDefs };

/** Resolves a `ref` to its definition's property schema, or undefined for scalars/unknowns. */
export function resolveRef(schema: Schema | undefined): { def?: ObjectDef; schema?: Schema } {
  if (!schema) return {};
  if (schema.t === 'ref') return { def: DEFINITIONS[schema.ref], schema };
  return { schema };
}

/** The sub-schema of `field` inside an object reached through `schema` (a ref to an ObjectDef). */
export function fieldSchema(schema: Schema | undefined, field: string): Schema | undefined {
  if (!schema) return undefined;
  if (schema.t === 'ref') return DEFINITIONS[schema.ref]?.props[field];
  if (schema.t === 'map') return schema.values;
  return undefined;
}

export function kindSchema(definition: string): Schema {
  return { t: 'ref', ref: definition };
}
