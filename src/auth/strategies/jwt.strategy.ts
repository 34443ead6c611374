import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AccessTokenService } from '../access-token.service.js';
import type { AuthContext } from '../auth-context.js';

/** `Authorization: Bearer <access JWT>` for people (and integrations acting for a candidate). */
@Injectable()
export class JwtStrategy {
  constructor(private readonly tokens: AccessTokenService) {}

  /** Null without a bearer token; 401 for a bad one or one whose session or key has ended. */
  validate(request: FastifyRequest): Promise<AuthContext | null> {
    return this.tokens.authenticate(request.headers.authorization);
  }
}
