import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { Clock } from '../../common/time/clock.js';
import { ApiKeysService } from '../../organizations/api-keys.service.js';
import type { AccessTokenClaims, AuthContext } from '../auth-context.js';
import { RefreshTokensService } from '../refresh-tokens.service.js';
import { UsersService } from '../users/users.service.js';
import { AccessChangeListener } from './access-change-listener.js';
import { AccessStateCache } from './access-state-cache.js';
import { currentAccess } from './current-access.js';

const MAX_ENTRIES = 20_000;

/**
 * Resolves a verified access token to what it may do now, from a per-process cache that
 * the access-change feed keeps honest across processes (see AccessChangeListener). A warm
 * request costs no database round trip; a cold one costs one or two, never in a transaction.
 */
@Injectable()
export class AccessStateService {
  private readonly cache: AccessStateCache;

  constructor(
    config: AppConfig,
    clock: Clock,
    listener: AccessChangeListener,
    private readonly users: UsersService,
    private readonly sessions: RefreshTokensService,
    private readonly apiKeys: ApiKeysService,
  ) {
    this.cache = new AccessStateCache(config.ACCESS_CACHE_TTL_SECONDS * 1000, MAX_ENTRIES, () => clock.now().getTime());
    listener.subscribe(this.cache);
  }

  async resolve(claims: AccessTokenClaims): Promise<AuthContext> {
    const [person, session, mintingKey] = await Promise.all([
      this.cache.get(`user:${claims.sub}`, () => this.users.findStanding(claims.sub)),
      claims.sid && !claims.act ? this.cache.get(`session:${claims.sid}`, () => this.sessions.findSession(claims.sid!)) : undefined,
      claims.act ? this.cache.get(`api-key:${claims.act}`, () => this.apiKeys.findStanding(claims.act!)) : undefined,
    ]);
    return currentAccess(claims, { person, session, mintingKey });
  }
}
