import { Body, Controller, Param, Put, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth } from '../auth/decorators/auth.decorator.js';
import { Authenticated } from '../auth/decorators/authenticated.decorator.js';
import { ChangesAccess } from '../auth/decorators/changes-access.decorator.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { ExternalIdPipe } from '../common/validation/external-id.pipe.js';
import { UuidParamPipe } from '../common/validation/uuid-param.pipe.js';
import { CandidatesService } from './candidates.service.js';
import { CandidateDto, UpsertCandidateDto } from './dto/candidate.dto.js';

@ApiTags('candidates')
@Controller('v1/organizations/:organizationId/candidates')
export class CandidatesController {
  constructor(private readonly candidates: CandidatesService) {}

  @Put(':externalId')
  @Authenticated({ roles: ['owner', 'examiner'], scopes: ['candidates:write'] })
  @ChangesAccess()
  @ApiOperation({
    summary: 'Create or update a candidate by the LMS id',
    description: 'Idempotent. Answers 201 when the candidate is new, 200 when it existed. The email cannot change.',
  })
  @ApiParam({ name: 'externalId', example: 'lms-4711' })
  @ApiOkResponse({ type: CandidateDto })
  @ApiProblems(404, 409, 422)
  async upsert(
    @Auth() auth: AuthContext,
    @Param('organizationId', UuidParamPipe) organizationId: string,
    @Param('externalId', ExternalIdPipe) externalId: string,
    @Body() dto: UpsertCandidateDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CandidateDto> {
    const candidate = await this.candidates.upsert(auth, organizationId, externalId, dto);
    reply.status(candidate.created ? 201 : 200);
    return candidate;
  }
}
