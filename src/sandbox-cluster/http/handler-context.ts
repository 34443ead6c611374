import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ObjectService } from '../api/object-service.js';
import type { Authenticator } from '../auth/authenticator.js';
import type { RbacAuthorizer } from '../auth/rbac-authorizer.js';
import type { TokenIssuer } from '../auth/token-issuer.js';
import { errors } from '../core/errors.js';
import type { Json, UserInfo } from '../core/types.js';
import type { ResourceDef } from '../registry/resource-def.js';
import type { Representation } from './body.js';
import type { RequestInfo } from './request-info.js';

export interface ServerDeps {
  service: ObjectService;
  authenticator: Authenticator;
  authorizer: RbacAuthorizer;
  issuer: TokenIssuer;
  bookmarkIntervalMs: number;
  /** Pod logs: part 2's kubelet can replace this. */
  podLogs(namespace: string, name: string, container: string | undefined): string;
}

export interface RequestContext {
  deps: ServerDeps;
  req: IncomingMessage;
  res: ServerResponse;
  info: RequestInfo;
  query: URLSearchParams;
  user: UserInfo;
  def: ResourceDef;
  representation: Representation;
  /** Decoded body, read lazily by handlers that take one. */
  body(): Promise<Json>;
  contentType: string;
}

export function queryFlag(q: URLSearchParams, name: string): boolean {
  const v = q.get(name);
  return v === 'true' || v === '1';
}

export function writeOptionsFrom(ctx: RequestContext): { dryRun: boolean; fieldManager?: string; user: UserInfo; force: boolean } {
  const dryRun = ctx.query.getAll('dryRun');
  const bad = dryRun.find((d) => d !== 'All');
  if (bad !== undefined) throw errors.badRequest(`Invalid dry run value: dryRun: Unsupported value: "${bad}": supported values: "All"`);
  const agent = String(ctx.req.headers['user-agent'] ?? '');
  const fieldManager = ctx.query.get('fieldManager') || (agent ? agent.split('/')[0] : undefined);
  return { dryRun: dryRun.length > 0, fieldManager, user: ctx.user, force: queryFlag(ctx.query, 'force') };
}
