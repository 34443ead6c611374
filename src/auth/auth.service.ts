import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { AppException } from '../common/errors/app.exception.js';
import { CandidatesService } from '../organizations/candidates.service.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import type { MembershipEntity } from '../organizations/entities/membership.entity.js';
import { AccessTokenService } from './access-token.service.js';
import type { AuthContext } from './auth-context.js';
import type { CandidateTokenDto, LoginDto, MeDto, TokenPairDto } from './dto/auth.dto.js';
import type { UserEntity } from './entities/user.entity.js';
import { FailureLimiter } from './failure-limiter.js';
import { PasswordHasher } from './password-hasher.js';
import { RefreshTokensService } from './refresh-tokens.service.js';
import { UsersService, normalizeEmail } from './users/users.service.js';

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly passwords: PasswordHasher,
    private readonly accessTokens: AccessTokenService,
    private readonly refreshTokens: RefreshTokensService,
    private readonly organizations: OrganizationsService,
    private readonly candidates: CandidatesService,
    private readonly limiter: FailureLimiter,
  ) {}

  async login(dto: LoginDto, clientIp: string): Promise<TokenPairDto> {
    const email = normalizeEmail(dto.email);
    const keys = [`login-ip:${clientIp}`, `login-email:${email}`];
    for (const key of keys) this.limiter.assertAllowed(key, this.config.LOGIN_RATE_LIMIT_PER_MINUTE);
    const user = await this.users.findByEmail(email);
    if (!(await this.passwords.verify(user?.passwordHash ?? null, dto.password)) || !user) {
      for (const key of keys) this.limiter.recordFailure(key);
      throw new AppException('invalid-credentials', 'The email or password is wrong');
    }
    const memberships = await this.organizations.membershipsOfUser(user.id);
    const membership = dto.organizationId
      ? memberships.find((m) => m.organizationId === dto.organizationId)
      : memberships[0];
    if (dto.organizationId && !membership && !user.isPlatformAdmin) {
      throw new AppException('forbidden', 'You are not a member of that organization');
    }
    const organizationId = membership?.organizationId ?? dto.organizationId ?? null;
    return this.dataSource.transaction(async (manager) => this.issuePair(manager, user, membership, organizationId));
  }

  async refresh(presented: string): Promise<TokenPairDto> {
    return this.refreshTokens.consume(presented, async (token, manager) => {
      const user = await this.users.findById(token.userId, manager);
      if (!user) throw new AppException('invalid-token', 'The account no longer exists');
      const membership = token.organizationId
        ? ((await this.organizations.findMembership(token.organizationId, user.id, manager)) ?? undefined)
        : undefined;
      // A member removed from the organisation keeps a session, but no longer in it.
      const organizationId = membership || user.isPlatformAdmin ? token.organizationId : null;
      return this.issuePair(manager, user, membership, organizationId, token.familyId);
    });
  }

  logout(presented: string): Promise<void> {
    return this.refreshTokens.revokeByToken(presented);
  }

  async me(auth: AuthContext): Promise<MeDto> {
    const base = {
      kind: auth.kind,
      userId: auth.userId,
      isPlatformAdmin: auth.isPlatformAdmin,
      organizationId: auth.organizationId,
      roles: auth.roles,
      scopes: auth.scopes,
    };
    if (!auth.userId) return { ...base, memberships: [] };
    const profile = await this.users.findProfile(auth.userId);
    if (!profile) throw new AppException('invalid-token', 'The account no longer exists');
    // A token an integration minted acts for its own organisation: the person's other memberships are none of its business.
    const memberships = auth.actingApiKeyId ? profile.memberships.filter((m) => m.organizationId === auth.organizationId) : profile.memberships;
    return { ...base, email: profile.email, displayName: profile.displayName, memberships };
  }

  /** Lets an integration act as one of its candidates (mobile app, LMS launch). */
  async candidateToken(auth: AuthContext, organizationId: string, externalId: string): Promise<CandidateTokenDto> {
    const membership = await this.candidates.findByExternalId(auth, organizationId, externalId);
    const ttl = this.config.CANDIDATE_TOKEN_TTL_SECONDS;
    const accessToken = await this.accessTokens.sign(
      { sub: membership.userId, org: organizationId, roles: ['candidate'], act: auth.apiKeyId ?? undefined },
      ttl,
    );
    return { accessToken, tokenType: 'Bearer', expiresIn: ttl, userId: membership.userId };
  }

  private async issuePair(
    manager: EntityManager,
    user: UserEntity,
    membership: MembershipEntity | undefined,
    organizationId: string | null,
    familyId: string = randomUUID(),
  ): Promise<TokenPairDto> {
    const accessToken = await this.accessTokens.sign({
      sub: user.id,
      org: organizationId,
      roles: membership?.roles ?? [],
      adm: user.isPlatformAdmin || undefined,
      sid: familyId,
    });
    const refresh = await this.refreshTokens.issue(manager, user.id, organizationId, familyId);
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: this.config.JWT_ACCESS_TTL_SECONDS,
      refreshToken: refresh.token,
    };
  }
}
