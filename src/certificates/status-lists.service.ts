import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { AppException } from '../common/errors/app.exception.js';
import { Clock } from '../common/time/clock.js';
import { OrganizationEntity } from '../organizations/entities/organization.entity.js';
import {
  MIN_STATUS_LIST_BITS,
  StatusBitstring,
  buildStatusListCredential,
  parseStatusListIndex,
  signCredentialJwt,
  type BitstringStatusListCredential,
  type BitstringStatusListEntry,
} from './core/index.js';
import { CertificateUrls } from './certificate-urls.js';
import { StatusListEntity } from './entities/status-list.entity.js';
import { IssuerKeysService } from './issuer-keys.service.js';

export interface SignedStatusList {
  credential: BitstringStatusListCredential;
  jwt: string;
  changedAt: Date;
}

/** Revocation status lists: sequential index allocation, bit flips and the signed list credential. */
@Injectable()
export class StatusListsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly keys: IssuerKeysService,
    private readonly urls: CertificateUrls,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** The next free index of the organisation's open list; a new list when it is full. Needs `lockIssuer`. */
  async allocate(manager: EntityManager, organizationId: string): Promise<{ listId: string; index: number }> {
    const rows: Array<{ id: string; index: number }> = await manager
      .query(
        `UPDATE status_lists SET next_index = next_index + 1
          WHERE id = (SELECT id FROM status_lists WHERE organization_id = $1 AND next_index < capacity ORDER BY created_at, id LIMIT 1)
          RETURNING id, next_index - 1 AS index`,
        [organizationId],
      )
      .then(rowsOf<{ id: string; index: number }>);
    if (rows.length === 1) return { listId: rows[0]!.id, index: rows[0]!.index };
    const list = await manager.getRepository(StatusListEntity).save(
      manager.getRepository(StatusListEntity).create({
        organizationId,
        bits: Buffer.from(new StatusBitstring(MIN_STATUS_LIST_BITS).toBytes()),
        capacity: Math.min(this.config.STATUS_LIST_CAPACITY, MIN_STATUS_LIST_BITS),
        nextIndex: 1,
        changedAt: this.clock.now(),
      }),
    );
    return { listId: list.id, index: 0 };
  }

  /** Sets the revocation bit, inside the caller's transaction (row-locked against a lost update). */
  async setRevoked(manager: EntityManager, listId: string, index: number): Promise<void> {
    const list = await manager.getRepository(StatusListEntity).findOne({ where: { id: listId }, lock: { mode: 'pessimistic_write' } });
    if (!list) throw new Error(`status list ${listId} is missing`);
    const bits = StatusBitstring.fromBytes(list.bits);
    bits.set(index, true);
    await manager.getRepository(StatusListEntity).update({ id: listId }, { bits: Buffer.from(bits.toBytes()), changedAt: this.clock.now() });
  }

  /**
   * The list credential, signed now with the organisation's current key. validFrom and iat
   * are the last change, and Ed25519 signatures are deterministic, so the JWT only changes
   * when a bit (or the key) does: caches and ETags stay valid in between.
   */
  async signed(listId: string): Promise<SignedStatusList> {
    const list = await this.dataSource.getRepository(StatusListEntity).findOneBy({ id: listId });
    if (!list) throw AppException.notFound('Status list', listId);
    const organization = await this.dataSource.getRepository(OrganizationEntity).findOneByOrFail({ id: list.organizationId });
    const credential = buildStatusListCredential({
      id: this.urls.statusList(list.id),
      issuer: { id: this.urls.issuer(organization.id), name: organization.name },
      list: StatusBitstring.fromBytes(list.bits),
      validFrom: list.changedAt,
    });
    const key = await this.keys.signingKey(organization.id);
    const jwt = await signCredentialJwt(credential, key, { issuedAt: list.changedAt });
    return { credential, jwt, changedAt: list.changedAt };
  }

  /**
   * Status bit resolver for the verifier: only lists of the expected issuer count, so one
   * organisation's list cannot vouch for another's credential, and only under a base URL the
   * issuer issued under (`bases`), so a list URL survives a change of PUBLIC_BASE_URL.
   */
  resolverFor(organizationId: string, bases: readonly string[]): (entry: BitstringStatusListEntry) => Promise<boolean> {
    return async (entry) => {
      const url = this.urls.parseStatusList(entry.statusListCredential);
      const listId = url && bases.includes(url.base) ? url.listId : null;
      const list = listId ? await this.dataSource.getRepository(StatusListEntity).findOneBy({ id: listId, organizationId }) : null;
      if (!list) throw new Error(`${entry.statusListCredential} is not a status list of this issuer`);
      return StatusBitstring.fromBytes(list.bits).get(parseStatusListIndex(entry));
    };
  }
}

/** node-postgres answers UPDATE … RETURNING through TypeORM as [rows, count]. */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];
}
