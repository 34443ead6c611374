import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';
const ACCEPTED_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const assigned = new WeakMap<IncomingMessage, string>();

/**
 * One id per request, shared by Fastify (problem bodies) and pino (logs): the caller's
 * `X-Request-Id` when it is sane, else a new UUID.
 */
export function requestIdOf(request: IncomingMessage): string {
  let id = assigned.get(request);
  if (!id) {
    const offered = request.headers[REQUEST_ID_HEADER];
    id = typeof offered === 'string' && ACCEPTED_ID.test(offered) ? offered : randomUUID();
    assigned.set(request, id);
  }
  return id;
}
