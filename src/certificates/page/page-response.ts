import type { FastifyReply } from 'fastify';
import type { ContentLanguage } from '../../common/i18n/pick-language.js';
import { PAGE_CSP } from './page-style.js';

/** The headers every certificate page is sent with: its language, the strict CSP, no caching or referrer. */
export function asCertificatePage(reply: FastifyReply, status: number, language: ContentLanguage): FastifyReply {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('content-language', language === 'zh' ? 'zh-Hans' : 'en')
    .header('content-security-policy', PAGE_CSP)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer');
}
