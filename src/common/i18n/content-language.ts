import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE } from '../errors/problem.filter.js';
import { pickLanguage, type ContentLanguage } from './pick-language.js';

/** Adds tokens to Vary without dropping what another part of the request put there. */
export function appendVary(reply: FastifyReply, ...tokens: string[]): void {
  const current = String(reply.getHeader('vary') ?? '')
    .split(',')
    .map((token) => token.trim())
    .filter(Boolean);
  const missing = tokens.filter((token) => !current.some((present) => present.toLowerCase() === token.toLowerCase()));
  if (missing.length) reply.header('vary', [...current, ...missing].join(', '));
}

/**
 * Names the language of the response's content. `negotiated` when Accept-Language chose it
 * (so caches must key on that header too); not when the content has one language of its
 * own, such as a document's sections.
 */
export function announceContentLanguage(reply: FastifyReply, language: string, negotiated: boolean): void {
  reply.header('content-language', language);
  if (negotiated) appendVary(reply, 'Accept-Language');
}

/**
 * Problem details are written in English whatever the content language would have been,
 * so a problem answer must not carry the language its success would have had. (An error
 * page that is itself translated, such as the certificate page, keeps its header.)
 */
export function withholdContentLanguageOnErrors(fastify: FastifyInstance): void {
  fastify.addHook('onSend', async (_request, reply) => {
    if (reply.statusCode >= 400 && String(reply.getHeader('content-type') ?? '').startsWith(PROBLEM_CONTENT_TYPE)) reply.removeHeader('content-language');
  });
}

function documentAcceptLanguage(target: object, key: string | symbol | undefined): void {
  if (key === undefined) return;
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  if (!descriptor) return;
  ApiHeader({
    name: 'Accept-Language',
    required: false,
    description: 'zh or en content; the `lang` query parameter overrides it. The answer names its language in Content-Language.',
    example: 'zh-CN,zh;q=0.9,en;q=0.8',
  })(target, key, descriptor);
}

/**
 * The content language of this request (`lang`, else Accept-Language, else en), announced
 * on the response as Content-Language with `Vary: Accept-Language`. One parameter instead
 * of reading the header in each handler, so the language picked and the one announced
 * cannot differ.
 */
export const NegotiatedLanguage = createParamDecorator(
  (_data: unknown, context: ExecutionContext): ContentLanguage => {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const lang = (request.query as Record<string, unknown> | undefined)?.lang;
    const language = pickLanguage(typeof lang === 'string' ? lang : undefined, request.headers['accept-language']);
    announceContentLanguage(http.getResponse<FastifyReply>(), language, true);
    return language;
  },
  [documentAcceptLanguage],
);
