import { Injectable, type ExecutionContext } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { AppException } from '../common/errors/app.exception.js';
import type { AuthContext } from './auth-context.js';
import { AUTH_REQUIREMENTS, type AuthRequirements } from './decorators/authenticated.decorator.js';
import { IS_PUBLIC, PUBLIC_UNLIMITED } from './decorators/public.decorator.js';
import { PublicRateLimit } from './public-rate-limit.js';
import { API_KEY_STRATEGY } from './strategies/api-key.strategy.js';
import { JWT_STRATEGY } from './strategies/jwt.strategy.js';

/**
 * Global guard: every route needs credentials unless marked `@Public()` (then it counts
 * against the caller's public budget instead), and must satisfy `@Authenticated(...)`.
 */
@Injectable()
export class GlobalAuthGuard extends AuthGuard([JWT_STRATEGY, API_KEY_STRATEGY]) {
  constructor(
    private readonly reflector: Reflector,
    private readonly publicRateLimit: PublicRateLimit,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) {
      if (!this.reflector.getAllAndOverride<boolean>(PUBLIC_UNLIMITED, targets)) {
        const http = context.switchToHttp();
        await this.publicRateLimit.enforce(http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
      }
      return true;
    }
    await super.canActivate(context);
    const auth = context.switchToHttp().getRequest<{ user: AuthContext }>().user;
    const requirements = this.reflector.getAllAndOverride<AuthRequirements>(AUTH_REQUIREMENTS, targets) ?? {};
    assertRequirements(auth, requirements);
    return true;
  }

  override handleRequest<T>(error: unknown, user: T): T {
    if (error) throw error;
    if (!user) throw new AppException('unauthenticated', 'Send a bearer token (Authorization) or an API key (X-Api-Key)');
    return user;
  }
}

export function assertRequirements(auth: AuthContext, requirements: AuthRequirements): void {
  if (auth.kind === 'api-key') {
    const allowed = requirements.anyApiKey || requirements.scopes?.some((scope) => auth.scopes.includes(scope));
    if (!allowed) {
      const needed = requirements.scopes?.length ? `one of the scopes ${requirements.scopes.join(', ')}` : 'a person';
      throw new AppException('forbidden', `This route needs ${needed}`);
    }
    return;
  }
  if (requirements.integrationsOnly) throw new AppException('forbidden', 'This route is for API keys only');
  if (requirements.platformAdmin && auth.isPlatformAdmin) return;
  if (requirements.roles) {
    if (!requirements.roles.some((role) => auth.roles.includes(role))) {
      throw new AppException('forbidden', `This route needs one of the roles ${requirements.roles.join(', ')}`);
    }
  } else if (requirements.platformAdmin) {
    throw new AppException('forbidden', 'This route is for platform administrators');
  }
}
