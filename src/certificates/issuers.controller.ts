import { Controller, Get, Headers, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth } from '../auth/decorators/auth.decorator.js';
import { Authenticated } from '../auth/decorators/authenticated.decorator.js';
import { Public } from '../auth/decorators/public.decorator.js';
import { sendWithEtag } from '../common/http/etag.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { UuidParamPipe } from '../common/validation/uuid-param.pipe.js';
import { negotiate } from './content-negotiation.js';
import { IssuerKeysDto, IssuerProfileDto, JwksDto, StatusListResponseDto } from './dto/issuer.dto.js';
import { IssuerKeysService } from './issuer-keys.service.js';
import { IssuersService } from './issuers.service.js';
import { VC_JWT_MEDIA_TYPE } from './public-certificates.controller.js';
import { StatusListsService } from './status-lists.service.js';

/** Issuer profiles, their published keys and status lists (public), and key rotation (owners). */
@ApiTags('certificate issuers')
@Controller()
export class IssuersController {
  constructor(
    private readonly issuers: IssuersService,
    private readonly keys: IssuerKeysService,
    private readonly statusLists: StatusListsService,
  ) {}

  @Get('.well-known/jwks.json')
  @Public()
  @ApiOperation({ summary: "Every organisation's credential signing keys (current and retired), as a JWKS" })
  @ApiOkResponse({ type: JwksDto })
  async jwks(@Res({ passthrough: true }) reply: FastifyReply): Promise<JwksDto> {
    reply.header('cache-control', 'public, max-age=300');
    return this.keys.jwks();
  }

  @Get('v1/issuers/:organizationId')
  @Public()
  @ApiOperation({ summary: 'The issuer Profile (Open Badges 3.0) an organisation signs credentials as' })
  @ApiOkResponse({ type: IssuerProfileDto })
  @ApiProblems(404)
  profile(@Param('organizationId', UuidParamPipe) organizationId: string): Promise<IssuerProfileDto> {
    return this.issuers.profile(organizationId);
  }

  @Get('v1/status-lists/:statusListId')
  @Public()
  @ApiOperation({
    summary: 'A revocation status list as a signed BitstringStatusListCredential',
    description: 'application/vc+jwt by default; with Accept: application/json, the credential and its JWT. Revalidate with If-None-Match.',
  })
  @ApiProduces(VC_JWT_MEDIA_TYPE, 'application/json')
  @ApiOkResponse({ type: StatusListResponseDto, description: 'JSON form; the default answer is the VC-JWT text' })
  @ApiProblems(404)
  async statusList(
    @Param('statusListId', UuidParamPipe) id: string,
    @Headers('accept') accept: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { credential, jwt } = await this.statusLists.signed(id);
    const json = negotiate(accept, [VC_JWT_MEDIA_TYPE, 'application/json']) === 'application/json';
    const body = json ? { credential, jwt } : jwt;
    reply.header('cache-control', 'no-cache').header('vary', 'Accept');
    const fresh = sendWithEtag(request, reply, body);
    if (fresh === undefined) {
      await reply.send();
      return;
    }
    await reply.type(json ? 'application/json' : VC_JWT_MEDIA_TYPE).send(json ? fresh : jwt);
  }

  @Get('v1/organizations/:organizationId/issuer-keys')
  @Authenticated({ roles: ['owner'] })
  @ApiOperation({ summary: "The organisation's signing keys: the current one and the retired ones still published" })
  @ApiOkResponse({ type: IssuerKeysDto })
  @ApiProblems(404)
  listKeys(@Auth() auth: AuthContext, @Param('organizationId', UuidParamPipe) organizationId: string): Promise<IssuerKeysDto> {
    return this.issuers.listKeys(auth, organizationId);
  }

  @Post('v1/organizations/:organizationId/issuer-keys::rotate')
  @HttpCode(200)
  @Authenticated({ roles: ['owner'] })
  @ApiOperation({
    summary: 'Rotate the signing key: new certificates use a new key, the old one stays published',
    description: 'Certificates signed with a retired key keep verifying: its public key stays in /.well-known/jwks.json.',
  })
  @ApiOkResponse({ type: IssuerKeysDto })
  @ApiProblems(404)
  rotate(@Auth() auth: AuthContext, @Param('organizationId', UuidParamPipe) organizationId: string): Promise<IssuerKeysDto> {
    return this.issuers.rotate(auth, organizationId);
  }
}
