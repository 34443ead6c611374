import { errors } from '../core/errors.js';
import { cloneJson, isPlainObject } from '../core/json.js';
import { formatTime, type Json, type KubeObject } from '../core/types.js';
import { kindSchema } from '../openapi/definitions.js';
import { applyJsonPatch } from '../patch/json-patch.js';
import { applyMergePatch } from '../patch/merge-patch.js';
import { applyConfiguration, recordApplyCreate } from '../patch/server-side-apply.js';
import { applyStrategicMergePatch } from '../patch/strategic-merge.js';
import { apiVersionOf, type ResourceDef } from '../registry/resource-def.js';
import type { ObjectService } from './object-service.js';
import type { WriteOptions } from './request-options.js';

export const PATCH_TYPES = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  apply: 'application/apply-patch+yaml',
} as const;

export type PatchType = (typeof PATCH_TYPES)[keyof typeof PATCH_TYPES];

export function isPatchType(t: string): t is PatchType {
  return (Object.values(PATCH_TYPES) as string[]).includes(t);
}

/** Applies a non-apply patch to a JSON document (the object, or a Scale built from it). */
export function applyPatchDocument(def: ResourceDef, current: Json, type: PatchType, patch: Json, schemaRef?: string): Json {
  switch (type) {
    case PATCH_TYPES.json:
      return applyJsonPatch(current, patch);
    case PATCH_TYPES.merge:
      if (!isPlainObject(patch)) throw errors.badRequest('the body of the request was in an unknown format');
      return applyMergePatch(current, patch);
    case PATCH_TYPES.strategic:
      return applyStrategicMergePatch(current, patch, kindSchema(schemaRef ?? def.definition));
    default:
      throw errors.unsupportedMediaType(type);
  }
}

/** PATCH on an object or its status subresource, including server-side apply. */
export function patchObject(
  service: ObjectService,
  def: ResourceDef,
  namespace: string,
  name: string,
  type: PatchType,
  patch: Json,
  opts: WriteOptions & { subresource?: string },
): { object: Readonly<KubeObject>; created: boolean } {
  if (type === PATCH_TYPES.apply) return applyPatch(service, def, namespace, name, patch, opts);
  const current = service.get(def, namespace, name);
  const patched = applyPatchDocument(def, current, type, patch);
  if (!isPlainObject(patched)) throw errors.badRequest('the patched object is not a JSON object');
  return { object: service.update(def, namespace, name, cloneJson(patched), opts), created: false };
}

function applyPatch(
  service: ObjectService,
  def: ResourceDef,
  namespace: string,
  name: string,
  config: Json,
  opts: WriteOptions & { subresource?: string },
): { object: Readonly<KubeObject>; created: boolean } {
  if (!opts.fieldManager) throw errors.badRequest('PATCH, fieldManager is required for apply requests');
  if (!isPlainObject(config)) throw errors.badRequest('error decoding YAML: the apply configuration must be an object');
  if (!config.apiVersion || !config.kind) throw errors.badRequest('Object \'Kind\' is missing in the apply configuration');
  if (config.metadata?.name && config.metadata.name !== name) {
    throw errors.badRequest(`the name of the object (${config.metadata.name}) does not match the name on the URL (${name})`);
  }
  const time = formatTime(service.now());
  const storageDef = service.registry.storageOf(def);
  const stored = service.store.get(`${storageDef.group}/${storageDef.plural}`, def.namespaced ? namespace : '', name);
  const storageConfig = def.toStorage ? def.toStorage(config) : config;
  if (!stored) {
    const body = cloneJson(storageConfig);
    body.metadata = { ...body.metadata, name };
    recordApplyCreate(body, storageConfig, opts.fieldManager, apiVersionOf(def), time);
    const created = service.create(storageDef, namespace, body, { ...opts, skipManagedFields: true });
    return { object: service.present(def, created), created: true };
  }
  const next = applyConfiguration({ existing: stored, config: storageConfig, manager: opts.fieldManager, apiVersion: apiVersionOf(def), time, force: !!opts.force });
  const updated = service.update(storageDef, namespace, name, next, { ...opts, skipManagedFields: true });
  return { object: service.present(def, updated), created: false };
}
