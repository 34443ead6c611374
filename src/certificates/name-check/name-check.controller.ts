import { Body, Controller, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../auth/decorators/public.decorator.js';
import { AppException } from '../../common/errors/app.exception.js';
import { pickLanguage } from '../../common/i18n/pick-language.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { CertificateUrls } from '../certificate-urls.js';
import { negotiate } from '../content-negotiation.js';
import { NameCheckDto, NameCheckResultDto } from '../dto/verification.dto.js';
import { renderCertificatePage } from '../page/certificate-page.js';
import { certificatePageView } from '../page/certificate-page-view.js';
import { asCertificatePage } from '../page/page-response.js';
import { CertificateNameCheck } from './certificate-name-check.js';

export const FORM_MEDIA_TYPE = 'application/x-www-form-urlencoded';
const MAX_NAME_LENGTH = 200;

/** "Was this certificate issued to 王芳?" for programs (JSON) and for the page's form (HTML). */
@ApiTags('certificate verification')
@Public()
@Controller('v1')
export class NameCheckController {
  constructor(
    private readonly nameCheck: CertificateNameCheck,
    private readonly urls: CertificateUrls,
  ) {}

  @Post('certificates/:certificateId/name-check')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Check whether a certificate was issued to a name (public, rate limited), without revealing the name',
    description:
      'Compares the name, after Unicode NFC, trimming, collapsing whitespace and case folding, with a salted hash of the name printed on the certificate. Works whether or not the holder shows the name. Each check counts against a budget per client address and per certificate (429 past it). The verification page posts its form here (application/x-www-form-urlencoded) and gets the page back with the answer.',
  })
  @ApiConsumes('application/json', FORM_MEDIA_TYPE)
  @ApiBody({ type: NameCheckDto })
  @ApiProduces('application/json', 'text/html')
  @ApiQuery({ name: 'lang', required: false, enum: ['zh', 'en'], description: 'Page language (HTML answers); the form sends it as a field' })
  @ApiOkResponse({ type: NameCheckResultDto })
  @ApiProblems(404, 415, 422, 429)
  async check(
    @Param('certificateId') id: string,
    @Body() body: unknown,
    @Query('lang') lang: string | undefined,
    @Headers('accept') accept: string | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<NameCheckResultDto | string> {
    const { name, formLang } = fieldsOf(body);
    const { verified, outcome } = await this.nameCheck.check(id, name, request.ip);
    if (negotiate(accept, ['application/json', 'text/html']) === 'application/json') {
      reply.header('cache-control', 'no-store');
      if (outcome.kind === 'unknown-certificate') throw AppException.notFound('Certificate', id);
      if (outcome.kind === 'rate-limited') {
        throw new AppException('too-many-requests', 'Too many name checks; try again later', { headers: { 'retry-after': String(outcome.retryAfterSeconds) } });
      }
      return { certificateId: verified.certificate!.id, matches: outcome.matches, checkedAt: outcome.checkedAt.toISOString() };
    }
    const language = pickLanguage(formLang ?? lang, acceptLanguage);
    // Echoed as typed, only tidied: the visitor's own words, never the stored name.
    const typed = name.normalize('NFC').replace(/\s+/gu, ' ').trim();
    const answer = outcome.kind === 'answered' ? { name: typed, matches: outcome.matches } : outcome.kind === 'rate-limited' ? { tooManyChecks: true as const } : undefined;
    const status = outcome.kind === 'unknown-certificate' ? 404 : outcome.kind === 'rate-limited' ? 429 : 200;
    asCertificatePage(reply, status, language);
    if (outcome.kind === 'rate-limited') reply.header('retry-after', String(outcome.retryAfterSeconds));
    return renderCertificatePage(certificatePageView(verified, id, this.urls, answer), language);
  }
}

/** JSON { name } or the page's form fields; the name is checked for shape only. */
function fieldsOf(body: unknown): { name: string; formLang: string | undefined } {
  const fields = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const name = fields.name;
  if (typeof name !== 'string' || name.trim() === '' || name.length > MAX_NAME_LENGTH) {
    throw AppException.validation([{ path: 'name', message: `must be a name of 1 to ${MAX_NAME_LENGTH} characters` }]);
  }
  return { name, formLang: typeof fields.lang === 'string' ? fields.lang : undefined };
}
