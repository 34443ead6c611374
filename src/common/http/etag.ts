import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Sends `body` with a strong ETag and answers 304 when the client already has it: mobile
 * apps re-fetch quizzes often and save bandwidth this way.
 */
export function sendWithEtag<T>(request: FastifyRequest, reply: FastifyReply, body: T): T | undefined {
  const etag = `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"`;
  reply.header('etag', etag);
  const presented = request.headers['if-none-match'];
  const matches = typeof presented === 'string' && presented.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*');
  if (matches) {
    reply.status(304);
    return undefined;
  }
  return body;
}
