import type { IncomingMessage, ServerResponse } from 'node:http';
import { impersonate } from '../auth/impersonation.js';
import { forbiddenReason, type AuthzAttributes } from '../auth/rbac-authorizer.js';
import { ApiError, errors } from '../core/errors.js';
import type { Json, UserInfo } from '../core/types.js';
import { apiGroup, apiGroupList, apiResourceList, apiVersions, SERVER_VERSION } from '../discovery/discovery.js';
import { openApiV2 } from '../openapi/openapi-v2.js';
import { openApiV2Protobuf } from '../openapi/openapi-v2-proto.js';
import { decodeBody, negotiate, readRaw } from './body.js';
import type { RequestContext, ServerDeps } from './handler-context.js';
import { parseRequestInfo, type RequestInfo } from './request-info.js';
import { handleResource } from './resource-handler.js';
import { sendError, sendJson, sendText } from './responses.js';
import { handleReview } from './review-handler.js';
import { handleSubresource } from './subresource-handler.js';

const PUBLIC_PATHS = /^\/(healthz|livez|readyz|version)(\/.*)?$/;
// The real server answers the protobuf request as a plain octet stream; Go's mime parser rejects the '@' form.
const PROTOBUF_OPENAPI = 'application/octet-stream';

function authzAttributes(info: RequestInfo, user: UserInfo, method: string): AuthzAttributes {
  if (!info.isResourceRequest) {
    return { user, verb: method.toLowerCase(), isResourceRequest: false, path: info.path, namespace: '', apiGroup: '', resource: '', subresource: '', name: '' };
  }
  // A namespace is "in" itself for authorization, as RequestInfo reports it.
  const namespace = info.resource === 'namespaces' && info.name ? info.name : info.namespace;
  return { user, verb: info.verb, isResourceRequest: true, path: info.path, namespace, apiGroup: info.group, resource: info.resource, subresource: info.subresource, name: info.name };
}

function nonResource(deps: ServerDeps, req: IncomingMessage, res: ServerResponse, info: RequestInfo): void {
  const path = info.path.replace(/\/+$/, '') || '/';
  const host = req.headers.host ?? '127.0.0.1';
  const registry = deps.service.registry;
  if (path === '/version') return sendJson(res, 200, SERVER_VERSION);
  if (path === '/api') return sendJson(res, 200, apiVersions(host));
  if (path === '/apis') return sendJson(res, 200, apiGroupList(registry));
  if (path === '/openapi/v2') {
    if (String(req.headers.accept ?? '').includes('protobuf')) {
      const buf = openApiV2Protobuf();
      res.writeHead(200, { 'Content-Type': PROTOBUF_OPENAPI, 'Content-Length': buf.length });
      res.end(buf);
      return;
    }
    return sendJson(res, 200, openApiV2());
  }
  const api = /^\/api\/([^/]+)$/.exec(path);
  if (api) {
    const list = apiResourceList(registry, '', api[1]!);
    if (list) return sendJson(res, 200, list);
  }
  const group = /^\/apis\/([^/]+)$/.exec(path);
  if (group) {
    const g = apiGroup(registry, group[1]!);
    if (g) return sendJson(res, 200, g);
  }
  const gv = /^\/apis\/([^/]+)\/([^/]+)$/.exec(path);
  if (gv) {
    const list = apiResourceList(registry, gv[1]!, gv[2]!);
    if (list) return sendJson(res, 200, list);
  }
  if (path.startsWith('/api/') || path.startsWith('/apis/')) throw errors.routeNotFound();
  sendText(res, 404, '404 page not found\n');
}

/** The request pipeline: public paths, authentication, RBAC, then discovery or resources. */
export function createRequestHandler(deps: ServerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(deps, req, res).catch((err) => sendError(res, err));
  };
}

async function handle(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sandbox');
  const method = req.method ?? 'GET';
  const info = parseRequestInfo(method, url.pathname, url.searchParams);
  if (PUBLIC_PATHS.test(url.pathname) && method === 'GET') {
    if (url.pathname.startsWith('/version')) return sendJson(res, 200, SERVER_VERSION);
    return sendText(res, 200, 'ok');
  }
  const auth = await deps.authenticator.authenticate(req);
  if (auth.kind !== 'user') throw errors.unauthorized();
  const user = impersonate(req.headers, auth.user, deps.authorizer);
  const attrs = authzAttributes(info, user, method);
  const decision = deps.authorizer.authorize(attrs);
  if (!decision.allowed) {
    const why = forbiddenReason(attrs);
    if (!info.isResourceRequest) throw new ApiError(403, 'Forbidden', `forbidden: ${why}`, {});
    throw errors.forbidden(info.resource, info.group, info.name || undefined, why);
  }
  if (!info.isResourceRequest) return nonResource(deps, req, res, info);
  const def = deps.service.registry.get(info.group, info.version, info.resource);
  if (!def) throw errors.routeNotFound();
  const representation = negotiate(req.headers.accept);
  if (!representation) throw errors.notAcceptable(`only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf`);
  let bodyPromise: Promise<Json> | undefined;
  const contentType = String(req.headers['content-type'] ?? 'application/json');
  const ctx: RequestContext = {
    deps,
    req,
    res,
    info,
    query: url.searchParams,
    user,
    def,
    representation,
    contentType,
    body: () => (bodyPromise ??= readRaw(req).then((raw) => decodeBody(raw, contentType))),
  };
  if (def.virtual) {
    if (info.verb !== 'create') throw errors.methodNotAllowed();
    return handleReview(ctx);
  }
  if (info.subresource) return handleSubresource(ctx);
  return handleResource(ctx);
}
