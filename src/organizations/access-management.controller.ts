import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth } from '../auth/decorators/auth.decorator.js';
import { Authenticated } from '../auth/decorators/authenticated.decorator.js';
import { ChangesAccess } from '../auth/decorators/changes-access.decorator.js';
import { Public } from '../auth/decorators/public.decorator.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { PageQueryDto } from '../common/pagination/page.js';
import { UuidParamPipe } from '../common/validation/uuid-param.pipe.js';
import { ApiKeysService } from './api-keys.service.js';
import { ApiKeyPageDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto.js';
import { AcceptedInvitationDto, AcceptInvitationDto, CreateInvitationDto, InvitationDto } from './dto/invitation.dto.js';
import { InvitationsService } from './invitations.service.js';

/** How people and integrations get into an organisation: invitations and API keys. */
@ApiTags('organizations')
@Controller('v1')
export class AccessManagementController {
  constructor(
    private readonly apiKeys: ApiKeysService,
    private readonly invitations: InvitationsService,
  ) {}

  @Post('organizations/:organizationId/api-keys')
  @Authenticated({ roles: ['owner'] })
  @ApiOperation({ summary: 'Create an API key for an integration; the key is shown once' })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  @ApiProblems(404, 422)
  createApiKey(
    @Auth() auth: AuthContext,
    @Param('organizationId', UuidParamPipe) organizationId: string,
    @Body() dto: CreateApiKeyDto,
  ) {
    return this.apiKeys.create(auth, organizationId, dto);
  }

  @Get('organizations/:organizationId/api-keys')
  @Authenticated({ roles: ['owner'] })
  @ApiOperation({ summary: "List the organization's API keys (never the keys themselves)" })
  @ApiOkResponse({ type: ApiKeyPageDto })
  @ApiProblems(404, 422)
  listApiKeys(
    @Auth() auth: AuthContext,
    @Param('organizationId', UuidParamPipe) organizationId: string,
    @Query() query: PageQueryDto,
  ) {
    return this.apiKeys.list(auth, organizationId, query);
  }

  @Delete('organizations/:organizationId/api-keys/:keyId')
  @HttpCode(204)
  @Authenticated({ roles: ['owner'] })
  @ChangesAccess()
  @ApiOperation({ summary: 'Revoke an API key', description: 'The key and every candidate token it minted stop working on their next request.' })
  @ApiNoContentResponse()
  @ApiProblems(404)
  async revokeApiKey(
    @Auth() auth: AuthContext,
    @Param('organizationId', UuidParamPipe) organizationId: string,
    @Param('keyId', UuidParamPipe) keyId: string,
  ): Promise<void> {
    await this.apiKeys.revoke(auth, organizationId, keyId);
  }

  @Post('organizations/:organizationId/invitations')
  @Authenticated({ roles: ['owner'], platformAdmin: true })
  @ApiOperation({ summary: 'Invite a person with roles; the token is shown once' })
  @ApiCreatedResponse({ type: InvitationDto })
  @ApiProblems(404, 422)
  invite(
    @Auth() auth: AuthContext,
    @Param('organizationId', UuidParamPipe) organizationId: string,
    @Body() dto: CreateInvitationDto,
  ) {
    return this.invitations.create(auth, organizationId, dto);
  }

  @Post('invitations/accept')
  @Public()
  @ChangesAccess()
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept an invitation (creates the account if needed)' })
  @ApiOkResponse({ type: AcceptedInvitationDto })
  @ApiProblems(401, 422)
  accept(@Body() dto: AcceptInvitationDto) {
    return this.invitations.accept(dto);
  }
}
