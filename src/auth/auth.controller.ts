import { Body, Controller, Get, HttpCode, Ip, Param, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { ExternalIdPipe } from '../common/validation/external-id.pipe.js';
import { UuidParamPipe } from '../common/validation/uuid-param.pipe.js';
import type { AuthContext } from './auth-context.js';
import { AuthService } from './auth.service.js';
import { Auth } from './decorators/auth.decorator.js';
import { Authenticated } from './decorators/authenticated.decorator.js';
import { ChangesAccess } from './decorators/changes-access.decorator.js';
import { Public } from './decorators/public.decorator.js';
import { CandidateTokenDto, LoginDto, MeDto, RefreshDto, TokenPairDto } from './dto/auth.dto.js';

@ApiTags('auth')
@Controller('v1')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('auth/login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with email and password', description: 'Failed attempts are rate limited per client and per email.' })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiProblems(401, 403, 422, 429)
  login(@Body() dto: LoginDto, @Ip() ip: string): Promise<TokenPairDto> {
    return this.auth.login(dto, ip);
  }

  @Post('auth/refresh')
  @Public()
  @ChangesAccess()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchange a refresh token for a new pair (the old one is used up)',
    description: 'Presenting a used refresh token again ends its whole session, access tokens included.',
  })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiProblems(401, 422)
  refresh(@Body() dto: RefreshDto): Promise<TokenPairDto> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('auth/logout')
  @Public()
  @ChangesAccess()
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke the session the refresh token belongs to', description: 'Access tokens of the session stop working on their next request.' })
  @ApiNoContentResponse()
  @ApiProblems(401, 422)
  async logout(@Body() dto: RefreshDto): Promise<void> {
    await this.auth.logout(dto.refreshToken);
  }

  @Get('me')
  @Authenticated({ anyApiKey: true })
  @ApiOperation({ summary: 'Who am I: account, active organization, roles and memberships' })
  @ApiOkResponse({ type: MeDto })
  @ApiProblems(401)
  me(@Auth() auth: AuthContext): Promise<MeDto> {
    return this.auth.me(auth);
  }

  @Post('organizations/:organizationId/candidates/:externalId/token')
  @HttpCode(200)
  @Authenticated({ scopes: ['candidates:token'], integrationsOnly: true })
  @ApiOperation({
    summary: 'Mint a short-lived access token to act as a candidate (integrations)',
    description: 'The token carries the candidate role only; use it from the mobile app or LMS launch.',
  })
  @ApiOkResponse({ type: CandidateTokenDto })
  @ApiProblems(401, 403, 404, 422)
  candidateToken(
    @Auth() auth: AuthContext,
    @Param('organizationId', UuidParamPipe) organizationId: string,
    @Param('externalId', ExternalIdPipe) externalId: string,
  ): Promise<CandidateTokenDto> {
    return this.auth.candidateToken(auth, organizationId, externalId);
  }
}
