import { Logger } from '@nestjs/common';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppException, type FieldError } from '../errors/app.exception.js';
import { sendProblem } from '../errors/problem.filter.js';
import { findUnsafeText, jsonNestingExceeds, MAX_JSON_DEPTH } from './hostile-input.js';

/**
 * Longest path parameter the router accepts (its default is 100). Our longest documented one
 * is a 128-character external id; anything past this limit is answered 414.
 */
export const MAX_PATH_PARAM_LENGTH = 256;

const frameworkLogger = new Logger('Errors');

/**
 * For what the router refuses before any route, hook or filter runs (a malformed URL, an
 * over-long path parameter): the same problem+json as everywhere else. This replaces Nest's
 * own handler, which also runs the hook of `app.useSecurityHeaders()`; the app enables no
 * such feature today, and one that is enabled later must be applied here too.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  sendProblem(error, request, reply, frameworkLogger);
}

/**
 * Refuses hostile input once, for every route, before class-transformer, the validators or
 * PostgreSQL see it: JSON nested beyond `MAX_JSON_DEPTH` (400), and NUL characters or
 * unpaired surrogates in the body, the query string or the path parameters (422).
 */
export function installInputGuards(fastify: FastifyInstance): void {
  // Clients often send `Content-Type: application/json` on body-less POSTs (publish, submit);
  // an empty body counts as none. Everything else, including the prototype-poisoning guard,
  // is Fastify's own JSON parser, run only once the nesting is known to be sane.
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    if (jsonNestingExceeds(text, MAX_JSON_DEPTH)) {
      return done(new AppException('json-too-deep', `JSON may nest arrays and objects at most ${MAX_JSON_DEPTH} levels deep`), undefined);
    }
    parseJson(request, text, done);
  });

  fastify.addHook('preValidation', async (request) => {
    const errors: FieldError[] = [
      ...findUnsafeText(request.body, typeof request.body === 'string' ? 'body' : ''),
      ...findUnsafeText(request.query, ''),
      ...findUnsafeText(request.params, ''),
    ];
    if (errors.length > 0) throw AppException.validation(errors, 'The request holds text that cannot be stored');
  });
}
