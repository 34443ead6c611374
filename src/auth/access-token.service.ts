import { Injectable } from '@nestjs/common';
import { jwtVerify, SignJWT } from 'jose';
import { AppConfig } from '../config/app-config.js';
import { AppException } from '../common/errors/app.exception.js';
import { Clock } from '../common/time/clock.js';
import { AccessStateService } from './access-state/access-state.service.js';
import type { AccessTokenClaims, AuthContext } from './auth-context.js';

const ISSUER = 'kubequiz';
const AUDIENCE = 'kubequiz-api';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const optionalUuid = (value: unknown): string | undefined => (typeof value === 'string' && UUID.test(value) ? value : undefined);

/**
 * Short-lived access JWTs (HS256). The signature is checked locally; what a token may
 * still do is then read from the access state, cached per process and invalidated across
 * processes whenever a membership, session or API key changes.
 */
@Injectable()
export class AccessTokenService {
  private readonly key: Uint8Array;

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly accessState: AccessStateService,
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
      const sub = optionalUuid(payload.sub);
      if (payload.typ !== 'access' || !sub) throw new Error('not an access token');
      return {
        sub,
        org: optionalUuid(payload.org) ?? null,
        roles: Array.isArray(payload.roles) ? (payload.roles as AccessTokenClaims['roles']) : [],
        adm: payload.adm === true,
        sid: optionalUuid(payload.sid),
        act: optionalUuid(payload.act),
      };
    } catch {
      throw new AppException('invalid-token', 'The access token is invalid or has expired');
    }
  }

  /**
   * The caller behind an `Authorization: Bearer …` header, as they stand now: null without
   * one, 401 for a bad token or one whose session or minting key has ended. Shared by the
   * guard's strategy and the public routes that accept an optional caller.
   */
  async authenticate(authorization: string | undefined): Promise<AuthContext | null> {
    const match = authorization ? /^Bearer\s+(\S+)$/i.exec(authorization) : null;
    if (!match) return null;
    return this.accessState.resolve(await this.verify(match[1]!));
  }
}
