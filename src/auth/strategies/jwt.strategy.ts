import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-custom';
import type { FastifyRequest } from 'fastify';
import { AccessTokenService } from '../access-token.service.js';
import type { AuthContext } from '../auth-context.js';

export const JWT_STRATEGY = 'jwt';

/** `Authorization: Bearer <access JWT>` for people (and integrations acting for a candidate). */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, JWT_STRATEGY) {
  constructor(private readonly tokens: AccessTokenService) {
    super();
  }

  async validate(request: FastifyRequest): Promise<AuthContext | false> {
    const header = request.headers.authorization;
    if (!header) return false;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) return false;
    const claims = await this.tokens.verify(match[1]!);
    return {
      kind: 'user',
      userId: claims.sub,
      organizationId: claims.org,
      roles: claims.roles,
      isPlatformAdmin: claims.adm === true,
      apiKeyId: null,
      scopes: [],
      actingApiKeyId: claims.act,
    };
  }
}
