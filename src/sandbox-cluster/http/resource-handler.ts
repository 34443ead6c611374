import { isPatchType, patchObject } from '../api/patch.js';
import type { ListOptions } from '../api/request-options.js';
import { startWatch } from '../api/watch.js';
import { ApiError, errors } from '../core/errors.js';
import { isPlainObject } from '../core/json.js';
import type { Json } from '../core/types.js';
import { renderTable } from '../table/render-table.js';
import { mediaType } from './body.js';
import { queryFlag, writeOptionsFrom, type RequestContext } from './handler-context.js';
import { formatList, formatObject } from './list-format.js';
import { sendJson } from './responses.js';

function listOptions(q: URLSearchParams): ListOptions {
  const limit = q.get('limit');
  return {
    labelSelector: q.get('labelSelector') ?? undefined,
    fieldSelector: q.get('fieldSelector') ?? undefined,
    limit: limit ? Number(limit) : undefined,
    continue: q.get('continue') ?? undefined,
    resourceVersion: q.get('resourceVersion') ?? undefined,
  };
}

function deleteOptions(ctx: RequestContext, body: Json) {
  const q = ctx.query;
  const opts = isPlainObject(body) ? body : {};
  const policy = q.get('propagationPolicy') ?? opts.propagationPolicy ?? (opts.orphanDependents === true ? 'Orphan' : undefined);
  if (policy !== undefined && !['Orphan', 'Background', 'Foreground'].includes(policy)) {
    throw errors.badRequest(`propagationPolicy: Unsupported value: "${policy}": supported values: "Foreground", "Background", "Orphan"`);
  }
  const dryRun = q.getAll('dryRun').length > 0 || (Array.isArray(opts.dryRun) && opts.dryRun.includes('All'));
  const grace = q.get('gracePeriodSeconds') ?? opts.gracePeriodSeconds;
  return {
    propagationPolicy: policy,
    preconditions: opts.preconditions,
    gracePeriodSeconds: grace === undefined ? undefined : Number(grace),
    dryRun,
    user: ctx.user,
  };
}

/** CRUD, list and watch on a resource's main endpoint. */
export async function handleResource(ctx: RequestContext): Promise<void> {
  const { deps, info, def, res, query } = ctx;
  const service = deps.service;
  const now = service.now();
  const include = query.get('includeObject') ?? undefined;
  if (def.namespaced && !info.namespace && !['list', 'watch', 'create'].includes(info.verb)) throw errors.routeNotFound();
  if (!def.verbs.includes(info.verb)) throw errors.methodNotAllowed();
  switch (info.verb) {
    case 'get':
      return sendJson(res, 200, formatObject(def, service.get(def, info.namespace, info.name), ctx.representation, now, include));
    case 'list':
      return sendJson(res, 200, formatList(def, service.list(def, info.namespace || undefined, listOptions(query)), ctx.representation, now, include));
    case 'watch':
      return streamWatch(ctx);
    case 'create': {
      if (def.namespaced && !info.namespace) throw errors.routeNotFound();
      const created = service.create(def, info.namespace, await ctx.body(), writeOptionsFrom(ctx));
      return sendJson(res, 201, formatObject(def, created, ctx.representation, now, include));
    }
    case 'update': {
      const updated = service.update(def, info.namespace, info.name, await ctx.body(), writeOptionsFrom(ctx));
      return sendJson(res, 200, formatObject(def, updated, ctx.representation, now, include));
    }
    case 'patch': {
      const type = mediaType(ctx.contentType);
      if (!isPatchType(type)) throw errors.unsupportedMediaType(type);
      const { object, created } = patchObject(service, def, info.namespace, info.name, type, await ctx.body(), writeOptionsFrom(ctx));
      return sendJson(res, created ? 201 : 200, formatObject(def, object, ctx.representation, now, include));
    }
    case 'delete': {
      const { object, pending } = service.delete(def, info.namespace, info.name, deleteOptions(ctx, await ctx.body()));
      return sendJson(res, pending ? 202 : 200, formatObject(def, object, ctx.representation, now, include));
    }
    case 'deletecollection': {
      const deleted = service.deleteCollection(def, info.namespace || undefined, listOptions(query), deleteOptions(ctx, await ctx.body()));
      const rv = String(service.store.currentResourceVersion());
      return sendJson(res, 200, formatList(def, { items: deleted, resourceVersion: rv }, { kind: 'json' }, now));
    }
    default:
      throw errors.methodNotAllowed();
  }
}

function streamWatch(ctx: RequestContext): void {
  const { deps, def, info, query, res, req } = ctx;
  const nameSelector = info.name ? `metadata.name=${info.name}` : '';
  const fieldSelector = [query.get('fieldSelector'), nameSelector].filter(Boolean).join(',');
  const table = ctx.representation.kind === 'table' ? ctx.representation : undefined;
  const sendInitialEvents = queryFlag(query, 'sendInitialEvents');
  if (sendInitialEvents && query.get('resourceVersionMatch') !== 'NotOlderThan') {
    throw new ApiError(422, 'Invalid', `ListOptions.meta.k8s.io "" is invalid: sendInitialEvents: Forbidden: sendInitialEvents is forbidden for watch unless resourceVersionMatch is set to NotOlderThan`, {
      group: 'meta.k8s.io',
      kind: 'ListOptions',
      causes: [{ reason: 'FieldValueForbidden', message: 'Forbidden: sendInitialEvents is forbidden for watch unless resourceVersionMatch is set to NotOlderThan', field: 'sendInitialEvents' }],
    });
  }
  let stop: () => void = () => undefined;
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    stop();
    res.end();
  };
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
  // Flush headers now: clients wait for them before reading events.
  res.flushHeaders();
  stop = startWatch(
    deps.service,
    def,
    info.namespace || undefined,
    {
      labelSelector: query.get('labelSelector') ?? undefined,
      fieldSelector: fieldSelector || undefined,
      resourceVersion: query.get('resourceVersion') ?? undefined,
      allowWatchBookmarks: queryFlag(query, 'allowWatchBookmarks'),
      bookmarkIntervalMs: deps.bookmarkIntervalMs,
      sendInitialEvents,
    },
    (event) => {
      if (ended) return;
      let object = event.object;
      if (table && (event.type === 'ADDED' || event.type === 'MODIFIED' || event.type === 'DELETED')) {
        object = renderTable(def, [event.object], deps.service.now(), { version: table.version, include: (query.get('includeObject') as 'Object') || 'Metadata' });
      }
      res.write(`${JSON.stringify({ type: event.type, object })}\n`);
      if (event.type === 'ERROR') end();
    },
  );
  const timeout = Number(query.get('timeoutSeconds') ?? 0);
  const timer = timeout > 0 ? setTimeout(end, timeout * 1000) : undefined;
  timer?.unref();
  req.on('close', () => {
    if (timer) clearTimeout(timer);
    end();
  });
  res.on('close', end);
}
