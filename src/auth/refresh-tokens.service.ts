import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { randomSecret, sameHash, sha256 } from '../common/crypto/secrets.js';
import { AppException } from '../common/errors/app.exception.js';
import { Clock } from '../common/time/clock.js';
import { RefreshTokenEntity } from './entities/refresh-token.entity.js';

/** A sign-in session: one rotation family of refresh tokens and the access tokens issued with it. */
export interface SessionStanding {
  userId: string;
  revoked: boolean;
}

export interface IssuedRefreshToken {
  token: string;
  record: RefreshTokenEntity;
}

/**
 * Opaque, single-use refresh tokens (`<id>.<secret>`) in rotation families. A token that
 * is presented twice has leaked: the whole family is revoked, the thief's copy included.
 */
@Injectable()
export class RefreshTokensService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async issue(
    manager: EntityManager,
    userId: string,
    organizationId: string | null,
    familyId: string = randomUUID(),
  ): Promise<IssuedRefreshToken> {
    const secret = randomSecret(32);
    const repo = manager.getRepository(RefreshTokenEntity);
    const record = await repo.save(
      repo.create({
        familyId,
        userId,
        organizationId,
        tokenHash: sha256(secret),
        expiresAt: new Date(this.clock.now().getTime() + this.config.REFRESH_TOKEN_TTL_SECONDS * 1000),
      }),
    );
    return { token: `${record.id}.${secret}`, record };
  }

  /** Uses up a token and returns it, or throws; `rotate` runs in the same transaction. */
  async consume<T>(presented: string, rotate: (token: RefreshTokenEntity, manager: EntityManager) => Promise<T>): Promise<T> {
    const [id, secret] = presented.split('.');
    if (!id || !secret || !/^[0-9a-f-]{36}$/.test(id)) throw this.invalid();
    const outcome = await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(RefreshTokenEntity);
      const token = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!token || !sameHash(token.tokenHash, sha256(secret)) || token.revokedAt) return { error: this.invalid() };
      if (token.usedAt) {
        await this.revokeFamily(manager, token.familyId);
        return { error: new AppException('refresh-token-reused', 'This refresh token was already used; sign in again') };
      }
      if (token.expiresAt <= this.clock.now()) return { error: this.invalid() };
      await repo.update({ id: token.id }, { usedAt: this.clock.now() });
      return { value: await rotate(token, manager) };
    });
    // Thrown after commit so that revoking a reused family is not rolled back.
    if ('error' in outcome) throw outcome.error;
    return outcome.value;
  }

  async revokeFamily(manager: EntityManager, familyId: string): Promise<void> {
    await manager
      .getRepository(RefreshTokenEntity)
      .update({ familyId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }

  async revokeByToken(presented: string): Promise<void> {
    const [id, secret] = presented.split('.');
    if (!id || !secret || !/^[0-9a-f-]{36}$/.test(id)) throw this.invalid();
    const token = await this.dataSource.getRepository(RefreshTokenEntity).findOneBy({ id });
    if (!token || !sameHash(token.tokenHash, sha256(secret))) throw this.invalid();
    await this.revokeFamily(this.dataSource.manager, token.familyId);
  }

  /** Families are revoked as a whole (logout, replay), so one revoked row ends the session. */
  async findSession(familyId: string): Promise<SessionStanding | null> {
    const rows: Array<{ user_id: string; revoked: boolean }> = await this.dataSource.query(
      `SELECT user_id, bool_or(revoked_at IS NOT NULL) AS revoked
         FROM refresh_tokens WHERE family_id = $1 GROUP BY user_id`,
      [familyId],
    );
    const row = rows[0];
    return row ? { userId: row.user_id, revoked: row.revoked } : null;
  }

  private invalid(): AppException {
    return new AppException('invalid-token', 'The refresh token is invalid, expired or revoked');
  }
}
