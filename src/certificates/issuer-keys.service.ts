import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { Clock } from '../common/time/clock.js';
import { buildJwks, generateIssuerKey, unlockIssuerKey, type IssuerSigningKey, type Jwks } from './core/index.js';
import { IssuerKeyEntity } from './entities/issuer-key.entity.js';

/**
 * Issuer keys: created on first use, rotated on request, never deleted. Unlocking costs a
 * scrypt derivation (~50 ms), so unlocked keys are kept in memory by kid.
 */
@Injectable()
export class IssuerKeysService {
  private readonly unlocked = new Map<string, Promise<IssuerSigningKey>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * The organisation's current signing key, generated if it has none. Call with the
   * organisation's issuing lock held (see `lockIssuer`), so two first certificates do not
   * both generate one.
   */
  async currentKey(manager: EntityManager, organizationId: string): Promise<IssuerSigningKey> {
    const current = await manager.getRepository(IssuerKeyEntity).findOneBy({ organizationId, retiredAt: IsNull() });
    if (current) return this.unlock(current);
    return this.generate(manager, organizationId);
  }

  /** The current signing key outside an issuing transaction (e.g. to sign a status list). */
  async signingKey(organizationId: string): Promise<IssuerSigningKey> {
    const current = await this.dataSource.getRepository(IssuerKeyEntity).findOneBy({ organizationId, retiredAt: IsNull() });
    if (current) return this.unlock(current);
    return this.dataSource.transaction(async (manager) => {
      await lockIssuer(manager, organizationId);
      return this.currentKey(manager, organizationId);
    });
  }

  /** Retires the current key (kept in the JWKS) and makes a new one current. */
  async rotate(organizationId: string): Promise<{ current: IssuerKeyEntity; retired: IssuerKeyEntity[] }> {
    return this.dataSource.transaction(async (manager) => {
      await lockIssuer(manager, organizationId);
      await manager.getRepository(IssuerKeyEntity).update({ organizationId, retiredAt: IsNull() }, { retiredAt: this.clock.now() });
      await this.generate(manager, organizationId);
      const keys = await this.keysOf(manager, organizationId);
      return { current: keys[0]!, retired: keys.slice(1) };
    });
  }

  /** Current key first, then retired ones newest first. */
  keysOf(manager: EntityManager, organizationId: string): Promise<IssuerKeyEntity[]> {
    return manager
      .getRepository(IssuerKeyEntity)
      .createQueryBuilder('k')
      .where('k.organization_id = :organizationId', { organizationId })
      .orderBy('k.retired_at IS NULL', 'DESC')
      .addOrderBy('k.created_at', 'DESC')
      .getMany();
  }

  /** Every organisation's keys (`/.well-known/jwks.json`), or one organisation's. */
  async jwks(organizationId?: string): Promise<Jwks> {
    const qb = this.dataSource
      .getRepository(IssuerKeyEntity)
      .createQueryBuilder('k')
      .orderBy('k.organization_id')
      .addOrderBy('k.retired_at IS NULL', 'DESC')
      .addOrderBy('k.created_at', 'DESC');
    if (organizationId) qb.where('k.organization_id = :organizationId', { organizationId });
    return buildJwks((await qb.getMany()).map((key) => key.publicJwk));
  }

  private async generate(manager: EntityManager, organizationId: string): Promise<IssuerSigningKey> {
    const { record, signingKey } = await generateIssuerKey(this.config.SECRETS_ENCRYPTION_KEY);
    await manager.getRepository(IssuerKeyEntity).insert({
      organizationId,
      kid: record.kid,
      publicJwk: record.publicJwk,
      encryptedPrivateKey: record.encryptedPrivateKey,
      retiredAt: null,
    });
    this.unlocked.set(record.kid, Promise.resolve(signingKey));
    return signingKey;
  }

  private unlock(key: IssuerKeyEntity): Promise<IssuerSigningKey> {
    let unlocked = this.unlocked.get(key.kid);
    if (!unlocked) {
      unlocked = unlockIssuerKey(key, this.config.SECRETS_ENCRYPTION_KEY);
      // A failed unlock (wrong secret) must not stay cached as a rejected promise forever.
      unlocked.catch(() => this.unlocked.delete(key.kid));
      this.unlocked.set(key.kid, unlocked);
    }
    return unlocked;
  }
}

/**
 * Serialises key creation, rotation and status index allocation per organisation until the
 * transaction ends. A transaction-scoped advisory lock: it locks no row other work needs.
 */
export async function lockIssuer(manager: EntityManager, organizationId: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('kubequiz:issuer:' || $1, 0))`, [organizationId]);
}
