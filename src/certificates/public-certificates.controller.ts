import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/decorators/public.decorator.js';
import { AppException } from '../common/errors/app.exception.js';
import { pickLanguage } from '../common/i18n/pick-language.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { UuidParamPipe } from '../common/validation/uuid-param.pipe.js';
import { CertificateDocuments } from './certificate-documents.js';
import { CertificateUrls } from './certificate-urls.js';
import { CertificateVerification } from './certificate-verification.js';
import { negotiate } from './content-negotiation.js';
import { CertificateVerificationDto, VerificationReportDto, VerifyCredentialDto } from './dto/verification.dto.js';
import { renderCertificatePage } from './page/certificate-page.js';
import { certificatePageView } from './page/certificate-page-view.js';
import { asCertificatePage } from './page/page-response.js';

export const VC_JWT_MEDIA_TYPE = 'application/vc+jwt';
const MAX_JWT_LENGTH = 200_000;

/** What anyone may call without an account: verification, and downloads the candidate made public. */
@ApiTags('certificate verification')
@Public()
@Controller('v1')
export class PublicCertificatesController {
  constructor(
    private readonly verification: CertificateVerification,
    private readonly documents: CertificateDocuments,
    private readonly urls: CertificateUrls,
  ) {}

  @Get('certificates/:certificateId/verification')
  @ApiOperation({
    summary: 'Verify a certificate by id (public, no account): JSON for programs, a page for browsers',
    description:
      'Always 200 in JSON: the status is valid, revoked, expired or unknown (an unknown or malformed id gives unknown with every other field null). The stored VC-JWT is checked against the published key and the status list on every call. With Accept: text/html (a browser, e.g. from the QR code) the answer is a script-free page in zh or en (Accept-Language, or ?lang=).',
  })
  @ApiProduces('application/json', 'text/html')
  @ApiQuery({ name: 'lang', required: false, enum: ['zh', 'en'], description: 'Page language; overrides Accept-Language' })
  @ApiOkResponse({ type: CertificateVerificationDto })
  async verifyById(
    @Param('certificateId') id: string,
    @Query('lang') lang: string | undefined,
    @Headers('accept') accept: string | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CertificateVerificationDto | string> {
    const verified = await this.verification.byId(id);
    reply.header('cache-control', 'no-store').header('vary', 'Accept, Accept-Language');
    if (negotiate(accept, ['application/json', 'text/html']) === 'application/json') return verified.answer;
    const language = pickLanguage(lang, acceptLanguage);
    asCertificatePage(reply, verified.certificate ? 200 : 404, language);
    return renderCertificatePage(certificatePageView(verified, id, this.urls), language);
  }

  @Post('verify')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Verify any VC-JWT and say exactly which check failed',
    description:
      'Send JSON { "credential": "<jwt>" }, or the JWT itself as text/plain or application/vc+jwt. Checks: format, signature (against our JWKS), issuer (one of ours), dates (server clock), status (revocation bit).',
  })
  @ApiConsumes('application/json', 'text/plain', VC_JWT_MEDIA_TYPE)
  @ApiExtraModels(VerifyCredentialDto)
  @ApiBody({ schema: { oneOf: [{ $ref: getSchemaPath(VerifyCredentialDto) }, { type: 'string', description: 'The VC-JWT' }] } })
  @ApiOkResponse({ type: VerificationReportDto })
  @ApiProblems(413, 415, 422)
  verify(@Body() body: unknown): Promise<VerificationReportDto> {
    return this.verification.jwt(jwtFromBody(body));
  }

  @Get('certificates/:certificateId/pdf')
  @ApiOperation({
    summary: 'The printable certificate (A4 landscape PDF with a QR code to the verification)',
    description:
      'Public unless the holder hid the name; then send the bearer token of the candidate or of staff of the organisation, or an API key of the organisation with certificates:read (X-Api-Key). Same certificate, same bytes.',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @ApiProblems(401, 403, 404)
  async pdf(@Param('certificateId', UuidParamPipe) id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const { certificate, pdf } = await this.documents.pdf(id, request);
    await reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="certificate-${certificate.id}.pdf"`)
      .header('cache-control', certificate.showName ? 'public, max-age=300' : 'private, no-store')
      .send(pdf);
  }

  @Get('certificates/:certificateId/credential')
  @ApiOperation({
    summary: 'The signed credential: VC-JWT by default, the credential JSON with Accept: application/json',
    description: 'Same access as the PDF: public unless the holder hid the name; otherwise the candidate, staff, or an API key of the organisation with certificates:read.',
  })
  @ApiProduces(VC_JWT_MEDIA_TYPE, 'application/json')
  @ApiOkResponse({ description: 'The VC-JWT or the OpenBadgeCredential JSON' })
  @ApiProblems(401, 404)
  @ApiQuery({ name: 'format', required: false, enum: ['jwt', 'json'], description: 'Overrides Accept (for plain links)' })
  async credential(
    @Param('certificateId', UuidParamPipe) id: string,
    @Query('format') format: string | undefined,
    @Headers('accept') accept: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const certificate = await this.documents.credential(id, request);
    reply.header('cache-control', certificate.showName ? 'public, max-age=300' : 'private, no-store').header('vary', 'Accept');
    const wanted = format === 'json' ? 'application/json' : format === 'jwt' ? VC_JWT_MEDIA_TYPE : negotiate(accept, [VC_JWT_MEDIA_TYPE, 'application/json']);
    if (wanted === 'application/json') {
      await reply.header('content-disposition', `inline; filename="certificate-${certificate.id}.json"`).type('application/json').send(certificate.credential);
      return;
    }
    await reply.header('content-disposition', `inline; filename="certificate-${certificate.id}.jwt"`).type(VC_JWT_MEDIA_TYPE).send(certificate.jwt);
  }
}

/** JSON { credential } or the raw JWT (text/plain, application/vc+jwt). */
function jwtFromBody(body: unknown): string {
  const raw = typeof body === 'string' ? body : body && typeof body === 'object' ? (body as { credential?: unknown }).credential : undefined;
  if (body === undefined || body === null) {
    throw new AppException('unsupported-media-type', 'Send JSON { "credential": "<jwt>" } or the JWT as text/plain or application/vc+jwt');
  }
  if (typeof raw !== 'string' || raw.trim() === '' || raw.length > MAX_JWT_LENGTH) {
    throw AppException.validation([{ path: 'credential', message: 'must be a VC-JWT string' }]);
  }
  return raw.trim();
}
