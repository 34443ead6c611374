import { Body, Controller, Get, Headers, Param, Patch, Post, Query, Res, HttpCode } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth } from '../auth/decorators/auth.decorator.js';
import { Authenticated } from '../auth/decorators/authenticated.decorator.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { ExternalIdPipe } from '../common/validation/external-id.pipe.js';
import { UuidParamPipe } from '../common/validation/uuid-param.pipe.js';
import { CertificatesService } from './certificates.service.js';
import {
  CertificateDto,
  CertificateListQueryDto,
  CertificatePageDto,
  CertificateWithCredentialDto,
  RevokeCertificateDto,
  StaffCertificatePageDto,
  UpdateMyCertificateDto,
} from './dto/certificate.dto.js';

const IDEMPOTENCY_HEADER = { name: 'Idempotency-Key', required: false, description: 'Retries with the same key return the first answer' };

/** Certificates for their holders, staff and integrations. Public routes are in PublicCertificatesController. */
@ApiTags('certificates')
@Controller('v1')
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Get('me/certificates')
  @Authenticated({ roles: ['candidate'] })
  @ApiOperation({ summary: 'My certificates, newest first, with the credential JSON and VC-JWT to import into a wallet' })
  @ApiOkResponse({ type: CertificatePageDto })
  @ApiProblems(422)
  listMine(@Auth() auth: AuthContext, @Query() query: CertificateListQueryDto) {
    return this.certificates.listMine(auth, query);
  }

  @Patch('me/certificates/:certificateId')
  @Authenticated({ roles: ['candidate'] })
  @ApiOperation({
    summary: 'Choose whether my name is shown publicly',
    description: 'showName: true shows the name on the public verification and makes the PDF and credential downloads public.',
  })
  @ApiOkResponse({ type: CertificateWithCredentialDto })
  @ApiProblems(404, 422)
  updateMine(@Auth() auth: AuthContext, @Param('certificateId', UuidParamPipe) id: string, @Body() dto: UpdateMyCertificateDto) {
    return this.certificates.updateMine(auth, id, dto);
  }

  @Get('exams/:examId/certificates')
  @Authenticated({ roles: ['owner', 'examiner'], scopes: ['certificates:read'] })
  @ApiOperation({ summary: 'Certificates issued for an exam, newest first; filter by status' })
  @ApiOkResponse({ type: StaffCertificatePageDto })
  @ApiProblems(404, 422)
  listForExam(@Auth() auth: AuthContext, @Param('examId', UuidParamPipe) examId: string, @Query() query: CertificateListQueryDto) {
    return this.certificates.listForExam(auth, examId, query);
  }

  @Get('organizations/:organizationId/candidates/:externalId/certificates')
  @Authenticated({ roles: ['owner', 'examiner'], scopes: ['certificates:read'] })
  @ApiOperation({ summary: "A candidate's certificates by the LMS's id, with the credential JSON and VC-JWT" })
  @ApiParam({ name: 'externalId', example: 'lms-4711' })
  @ApiOkResponse({ type: CertificatePageDto })
  @ApiProblems(404, 422)
  listForCandidate(
    @Auth() auth: AuthContext,
    @Param('organizationId', UuidParamPipe) organizationId: string,
    @Param('externalId', ExternalIdPipe) externalId: string,
    @Query() query: CertificateListQueryDto,
  ) {
    return this.certificates.listForCandidate(auth, organizationId, externalId, query);
  }

  @Post('certificates/:certificateId/revoke')
  @HttpCode(200)
  @Authenticated({ roles: ['owner', 'examiner'] })
  @ApiOperation({
    summary: 'Revoke a certificate with a reason (sets its status list bit)',
    description: 'Revoking a revoked certificate changes nothing and returns it as it is.',
  })
  @ApiOkResponse({ type: CertificateDto })
  @ApiProblems(404, 422)
  revoke(@Auth() auth: AuthContext, @Param('certificateId', UuidParamPipe) id: string, @Body() dto: RevokeCertificateDto) {
    return this.certificates.revoke(auth, id, dto);
  }

  @Post('attempts/:attemptId/certificate')
  @Authenticated({ roles: ['candidate', 'owner', 'examiner'] })
  @ApiOperation({
    summary: 'The certificate of a passed attempt: the existing one (200) or issued now (201)',
    description: 'Certificates are issued when a passing attempt is graded; this returns it, or issues it for attempts graded before. 409 for an attempt that did not pass.',
  })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiCreatedResponse({ type: CertificateWithCredentialDto })
  @ApiOkResponse({ type: CertificateWithCredentialDto, description: 'The certificate already existed, or a replay' })
  @ApiProblems(404, 409, 422)
  async issue(
    @Auth() auth: AuthContext,
    @Param('attemptId', UuidParamPipe) attemptId: string,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CertificateWithCredentialDto> {
    const result = await this.certificates.issueForAttempt(auth, attemptId, key);
    reply.status(result.statusCode);
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return result.body;
  }
}
