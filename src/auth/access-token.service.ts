import { Injectable } from '@nestjs/common';
import { jwtVerify, SignJWT } from 'jose';
import { AppConfig } from '../config/app-config.js';
import { AppException } from '../common/errors/app.exception.js';
import { Clock } from '../common/time/clock.js';
import type { AccessTokenClaims, AuthContext } from './auth-context.js';

const ISSUER = 'kubequiz';
const AUDIENCE = 'kubequiz-api';

/** Short-lived access JWTs (HS256): verified on every request without a database read. */
@Injectable()
export class AccessTokenService {
  private readonly key: Uint8Array;

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.key = new TextEncoder().encode(config.JWT_SECRET);
  }

  async sign(claims: AccessTokenClaims, ttlSeconds = this.config.JWT_ACCESS_TTL_SECONDS): Promise<string> {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const { sub, ...rest } = claims;
    return new SignJWT({ ...rest, typ: 'access' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(sub)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + ttlSeconds)
      .sign(this.key);
  }

  async verify(token: string): Promise<AccessTokenClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
        currentDate: this.clock.now(),
      });
      if (payload.typ !== 'access' || typeof payload.sub !== 'string') throw new Error('not an access token');
      return {
        sub: payload.sub,
        org: typeof payload.org === 'string' ? payload.org : null,
        roles: Array.isArray(payload.roles) ? (payload.roles as AccessTokenClaims['roles']) : [],
        adm: payload.adm === true,
        act: typeof payload.act === 'string' ? payload.act : undefined,
      };
    } catch {
      throw new AppException('invalid-token', 'The access token is invalid or has expired');
    }
  }

  /**
   * The caller behind an `Authorization: Bearer …` header: null without one, 401 for a bad
   * token. Shared by the guard's strategy and the public routes that accept an optional caller.
   */
  async authenticate(authorization: string | undefined): Promise<AuthContext | null> {
    const match = authorization ? /^Bearer\s+(\S+)$/i.exec(authorization) : null;
    if (!match) return null;
    const claims = await this.verify(match[1]!);
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
