import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth } from '../auth/decorators/auth.decorator.js';
import { Authenticated } from '../auth/decorators/authenticated.decorator.js';
import { ChangesAccess } from '../auth/decorators/changes-access.decorator.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { PageQueryDto } from '../common/pagination/page.js';
import { UuidParamPipe } from '../common/validation/uuid-param.pipe.js';
import { CreateOrganizationDto } from './dto/create-organization.dto.js';
import {
  MemberDto,
  MemberPageDto,
  MemberQueryDto,
  OrganizationDto,
  OrganizationPageDto,
  UpdateMemberRolesDto,
} from './dto/organization.dto.js';
import { OrganizationsService } from './organizations.service.js';

@ApiTags('organizations')
@Controller('v1/organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Post()
  @Authenticated({ platformAdmin: true })
  @ApiOperation({ summary: 'Create an organization (platform admin)' })
  @ApiCreatedResponse({ type: OrganizationDto })
  @ApiProblems(409, 422)
  create(@Body() dto: CreateOrganizationDto): Promise<OrganizationDto> {
    return this.organizations.create(dto);
  }

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'List the organizations the caller belongs to (all, for a platform admin)' })
  @ApiOkResponse({ type: OrganizationPageDto })
  @ApiProblems(422)
  list(@Auth() auth: AuthContext, @Query() query: PageQueryDto) {
    return this.organizations.list(auth, query);
  }

  @Get(':organizationId')
  @Authenticated()
  @ApiOperation({ summary: 'Get an organization' })
  @ApiOkResponse({ type: OrganizationDto })
  @ApiProblems(404)
  get(@Auth() auth: AuthContext, @Param('organizationId', UuidParamPipe) id: string) {
    return this.organizations.get(auth, id);
  }

  @Get(':organizationId/members')
  @Authenticated({ roles: ['owner', 'examiner'], platformAdmin: true })
  @ApiOperation({ summary: 'List members with their roles' })
  @ApiOkResponse({ type: MemberPageDto })
  @ApiProblems(404, 422)
  members(
    @Auth() auth: AuthContext,
    @Param('organizationId', UuidParamPipe) id: string,
    @Query() query: MemberQueryDto,
  ) {
    return this.organizations.listMembers(auth, id, query, query.role);
  }

  @Patch(':organizationId/members/:userId')
  @Authenticated({ roles: ['owner'], platformAdmin: true })
  @ChangesAccess()
  @ApiOperation({ summary: "Replace a member's roles", description: "Takes effect on the member's next request, tokens already issued included." })
  @ApiOkResponse({ type: MemberDto })
  @ApiProblems(404, 409, 422)
  updateRoles(
    @Auth() auth: AuthContext,
    @Param('organizationId', UuidParamPipe) id: string,
    @Param('userId', UuidParamPipe) userId: string,
    @Body() dto: UpdateMemberRolesDto,
  ) {
    return this.organizations.updateMemberRoles(auth, id, userId, dto.roles);
  }

  @Delete(':organizationId/members/:userId')
  @HttpCode(204)
  @Authenticated({ roles: ['owner'], platformAdmin: true })
  @ChangesAccess()
  @ApiOperation({
    summary: 'Remove a member from the organization',
    description: "Takes effect on the member's next request: tokens already issued no longer act in the organization.",
  })
  @ApiNoContentResponse()
  @ApiProblems(404, 409)
  async remove(
    @Auth() auth: AuthContext,
    @Param('organizationId', UuidParamPipe) id: string,
    @Param('userId', UuidParamPipe) userId: string,
  ): Promise<void> {
    await this.organizations.removeMember(auth, id, userId);
  }
}
