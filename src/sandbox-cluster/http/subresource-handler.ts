import { applyPatchDocument, isPatchType, patchObject, PATCH_TYPES } from '../api/patch.js';
import { errors } from '../core/errors.js';
import { cloneJson, isPlainObject } from '../core/json.js';
import { formatTime, type Json, type KubeObject } from '../core/types.js';
import type { ResourceDef } from '../registry/resource-def.js';
import { evictPod } from '../policy/eviction.js';
import { mediaType } from './body.js';
import { writeOptionsFrom, type RequestContext } from './handler-context.js';
import { sendJson, sendText, successStatus } from './responses.js';

function scaleOf(def: ResourceDef, obj: Readonly<KubeObject>): Json {
  const m = obj.metadata;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name: m.name, namespace: m.namespace, uid: m.uid, resourceVersion: m.resourceVersion, creationTimestamp: m.creationTimestamp },
    spec: { replicas: obj.spec?.replicas ?? 0 },
    status: { replicas: def.scale!.statusReplicas(obj), selector: def.scale!.selector(obj) },
  };
}

async function handleScale(ctx: RequestContext): Promise<void> {
  const { deps, def, info, res } = ctx;
  const service = deps.service;
  const stored = service.getStored(def, info.namespace, info.name);
  if (info.verb === 'get') return sendJson(res, 200, scaleOf(def, stored));
  let scale: Json;
  if (info.verb === 'update') scale = await ctx.body();
  else if (info.verb === 'patch') {
    const type = mediaType(ctx.contentType);
    if (!isPatchType(type) || type === PATCH_TYPES.apply) throw errors.unsupportedMediaType(type);
    scale = applyPatchDocument(def, scaleOf(def, stored), type, await ctx.body(), 'io.k8s.api.autoscaling.v1.Scale');
  } else throw errors.methodNotAllowed();
  const replicas = scale?.spec?.replicas;
  if (!Number.isInteger(replicas) || replicas < 0) {
    throw errors.invalid({ group: 'autoscaling', kind: 'Scale' }, info.name, [
      { reason: 'FieldValueInvalid', message: `Invalid value: ${replicas}: must be greater than or equal to 0`, field: 'spec.replicas' },
    ]);
  }
  const rv = scale?.metadata?.resourceVersion;
  if (rv && rv !== stored.metadata.resourceVersion) throw errors.staleResourceVersion(def.plural, def.group, info.name);
  const next = cloneJson(stored) as KubeObject;
  next.spec = { ...next.spec, replicas };
  const updated = service.update(def, info.namespace, info.name, next, writeOptionsFrom(ctx));
  sendJson(res, 200, scaleOf(def, updated));
}

async function handleStatus(ctx: RequestContext): Promise<void> {
  const { deps, def, info, res } = ctx;
  const service = deps.service;
  const opts = { ...writeOptionsFrom(ctx), subresource: 'status' };
  switch (info.verb) {
    case 'get':
      return sendJson(res, 200, service.get(def, info.namespace, info.name));
    case 'update':
      return sendJson(res, 200, service.update(def, info.namespace, info.name, await ctx.body(), opts));
    case 'patch': {
      const type = mediaType(ctx.contentType);
      if (!isPatchType(type) || type === PATCH_TYPES.apply) throw errors.unsupportedMediaType(type);
      return sendJson(res, 200, patchObject(service, def, info.namespace, info.name, type, await ctx.body(), opts).object);
    }
    default:
      throw errors.methodNotAllowed();
  }
}

async function handleToken(ctx: RequestContext): Promise<void> {
  const { deps, info, res } = ctx;
  if (info.verb !== 'create') throw errors.methodNotAllowed();
  const sa = deps.service.getStored(ctx.def, info.namespace, info.name);
  const body = (await ctx.body()) ?? {};
  const spec = isPlainObject(body.spec) ? body.spec : {};
  const expirationSeconds = spec.expirationSeconds ?? 3600;
  if (!Number.isInteger(expirationSeconds) || expirationSeconds < 600) {
    throw errors.invalid({ group: 'authentication.k8s.io', kind: 'TokenRequest' }, info.name, [
      { reason: 'FieldValueInvalid', message: 'may not specify a duration less than 10 minutes', field: 'spec.expirationSeconds' },
    ]);
  }
  const audiences: string[] = Array.isArray(spec.audiences) && spec.audiences.length ? spec.audiences : ['https://kubernetes.default.svc.cluster.local'];
  const issued = await deps.issuer.issue({ namespace: info.namespace, name: info.name, uid: sa.metadata.uid! }, expirationSeconds, audiences);
  sendJson(res, 201, {
    kind: 'TokenRequest',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: { name: info.name, namespace: info.namespace, creationTimestamp: null },
    spec: { audiences, expirationSeconds, boundObjectRef: spec.boundObjectRef ?? null },
    status: { token: issued.token, expirationTimestamp: formatTime(issued.expirationTimestamp) },
  });
}

async function handleFinalize(ctx: RequestContext): Promise<void> {
  const { deps, def, info, res } = ctx;
  if (info.verb !== 'update') throw errors.methodNotAllowed();
  const service = deps.service;
  const existing = service.getStored(def, '', info.name);
  const body = await ctx.body();
  const rv = body?.metadata?.resourceVersion;
  if (rv && rv !== existing.metadata.resourceVersion) throw errors.staleResourceVersion(def.plural, def.group, info.name);
  const next = cloneJson(existing) as KubeObject;
  next.spec = { ...next.spec, finalizers: body?.spec?.finalizers ?? [] };
  sendJson(res, 200, service.commitUpdate(def, def, existing, next, { ...writeOptionsFrom(ctx), subresource: 'finalize' }));
}

async function handleBinding(ctx: RequestContext): Promise<void> {
  const { deps, def, info, res } = ctx;
  if (info.verb !== 'create') throw errors.methodNotAllowed();
  const body = await ctx.body();
  const node = body?.target?.name;
  if (!node) throw errors.invalid({ group: '', kind: 'Binding' }, info.name, [{ reason: 'FieldValueRequired', message: 'Required value', field: 'target.name' }]);
  const existing = deps.service.getStored(def, info.namespace, info.name);
  if (existing.spec?.nodeName) throw errors.conflict('pods/binding', '', info.name, `pod ${info.name} is already assigned to node "${existing.spec.nodeName}"`);
  const next = cloneJson(existing) as KubeObject;
  next.spec.nodeName = node;
  deps.service.commitUpdate(def, def, existing, next, writeOptionsFrom(ctx));
  sendJson(res, 201, successStatus());
}

/** Subresources: status, scale, log, token, finalize, binding, eviction. */
export async function handleSubresource(ctx: RequestContext): Promise<void> {
  const { deps, def, info, res, query } = ctx;
  const known = def.subresources.find((s) => s.name === info.subresource);
  if (!known) throw errors.routeNotFound();
  if (!known.verbs.includes(info.verb)) throw errors.methodNotAllowed();
  switch (info.subresource) {
    case 'status':
      return handleStatus(ctx);
    case 'scale':
      return handleScale(ctx);
    case 'token':
      return handleToken(ctx);
    case 'finalize':
      return handleFinalize(ctx);
    case 'binding':
      return handleBinding(ctx);
    case 'log': {
      const pod = deps.service.getStored(def, info.namespace, info.name);
      const container = query.get('container') ?? undefined;
      const names: string[] = (pod.spec?.containers ?? []).map((c: Json) => c.name);
      if (container && !names.includes(container)) {
        throw errors.badRequest(`container ${container} is not valid for pod ${info.name}`);
      }
      if (!container && names.length > 1) {
        throw errors.badRequest(`a container name must be specified for pod ${info.name}, choose one of: [${names.join(' ')}]`);
      }
      return sendText(res, 200, deps.podLogs(info.namespace, info.name, container ?? names[0]));
    }
    case 'eviction': {
      const { dryRun, user } = writeOptionsFrom(ctx);
      evictPod(deps.service, def, { namespace: info.namespace, name: info.name, body: (await ctx.body()) ?? {}, user, dryRun });
      return sendJson(res, 201, successStatus());
    }
    default:
      throw errors.badRequest(`${info.subresource} is not supported by the sandbox cluster (no container runtime)`);
  }
}
