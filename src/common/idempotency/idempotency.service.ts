import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AppException } from '../errors/app.exception.js';
import { IdempotencyKeyEntity } from './idempotency-key.entity.js';

export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,128}$/;

export interface IdempotentResult<T> {
  statusCode: number;
  body: T;
  /** True when this is a stored answer to an earlier request with the same key. */
  replayed: boolean;
}

/**
 * Runs an unsafe operation at most once per key. The key row is written in the same
 * transaction as the work, so a concurrent request with the same key waits on the unique
 * index and then reads the committed answer; a failed attempt leaves no trace.
 */
@Injectable()
export class IdempotencyService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async run<T>(
    scope: string,
    key: string | undefined,
    request: unknown,
    work: (manager: EntityManager) => Promise<{ statusCode: number; body: T }>,
  ): Promise<IdempotentResult<T>> {
    if (key === undefined) {
      const result = await this.dataSource.transaction(work);
      return { ...result, replayed: false };
    }
    if (!IDEMPOTENCY_KEY.test(key)) {
      throw AppException.validation([{ path: 'Idempotency-Key', message: 'must be 8-128 characters of A-Z a-z 0-9 _ . : -' }]);
    }
    const fingerprint = createHash('sha256').update(JSON.stringify(request ?? null)).digest('hex');
    const outcome = await this.dataSource.transaction(async (manager) => {
      const claimed = await manager
        .createQueryBuilder()
        .insert()
        .into(IdempotencyKeyEntity)
        .values({ scope, key, fingerprint, statusCode: 0, body: null as never })
        .orIgnore()
        .returning(['key'])
        .execute();
      if ((claimed.raw as unknown[]).length === 0) return { stored: true as const };
      const result = await work(manager);
      await manager.getRepository(IdempotencyKeyEntity).update({ scope, key }, { statusCode: result.statusCode, body: result.body as object });
      return { stored: false as const, result };
    });
    if (!outcome.stored) return { ...outcome.result, replayed: false };
    const stored = await this.dataSource.getRepository(IdempotencyKeyEntity).findOneByOrFail({ scope, key });
    if (stored.fingerprint !== fingerprint) {
      throw new AppException('idempotency-key-reused', 'This Idempotency-Key was used for a different request');
    }
    return { statusCode: stored.statusCode, body: stored.body as T, replayed: true };
  }
}
