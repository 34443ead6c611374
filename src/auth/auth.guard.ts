import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppException } from '../common/errors/app.exception.js';
import type { AuthContext } from './auth-context.js';
import { AUTH_REQUIREMENTS, type AuthRequirements } from './decorators/authenticated.decorator.js';
import { IS_PUBLIC, PUBLIC_UNLIMITED } from './decorators/public.decorator.js';
import { PublicRateLimit } from './public-rate-limit.js';
import { ApiKeyStrategy } from './strategies/api-key.strategy.js';
import { JwtStrategy } from './strategies/jwt.strategy.js';

/**
 * Global guard: every route needs credentials unless marked `@Public()` (then it counts
 * against the caller's public budget instead), and must satisfy `@Authenticated(...)`.
 * A bearer token is tried first, an API key only without one. The strategies are this
 * app's own providers: passport's process-wide strategy registry let a second app in one
 * process answer for the first.
 */
@Injectable()
export class GlobalAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly publicRateLimit: PublicRateLimit,
    private readonly bearer: JwtStrategy,
    private readonly apiKey: ApiKeyStrategy,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const http = context.switchToHttp();
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) {
      if (!this.reflector.getAllAndOverride<boolean>(PUBLIC_UNLIMITED, targets)) {
        await this.publicRateLimit.enforce(http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
      }
      return true;
    }
    const request = http.getRequest<FastifyRequest & { user?: AuthContext }>();
    const auth = (await this.bearer.validate(request)) ?? (await this.apiKey.validate(request));
    if (!auth) throw new AppException('unauthenticated', 'Send a bearer token (Authorization) or an API key (X-Api-Key)');
    request.user = auth;
    const requirements = this.reflector.getAllAndOverride<AuthRequirements>(AUTH_REQUIREMENTS, targets) ?? {};
    assertRequirements(auth, requirements);
    return true;
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
