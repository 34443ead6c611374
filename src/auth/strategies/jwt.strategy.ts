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
    return (await this.tokens.authenticate(request.headers.authorization)) ?? false;
  }
}
