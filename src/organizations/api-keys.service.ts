import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { randomSecret, sameHash, sha256 } from '../common/crypto/secrets.js';
import { AppException } from '../common/errors/app.exception.js';
import { decodeCursor, toPage, type Page, type PageQueryDto } from '../common/pagination/page.js';
import { Clock } from '../common/time/clock.js';
import { ApiKeyEntity } from './entities/api-key.entity.js';
import { assertOrganizationAccess } from './organization-access.js';
import type { ApiKeyScope } from './roles.js';
import { toApiKeyDto, type ApiKeyDto, type CreateApiKeyDto, type CreatedApiKeyDto } from './dto/api-key.dto.js';

export interface ApiKeyStanding {
  organizationId: string;
  scopes: ApiKeyScope[];
  revoked: boolean;
}

const KEY_FORMAT = /^(kq_[0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;
/** Writing lastUsedAt on every call would turn each read into a write; once a minute is enough. */
const LAST_USED_RESOLUTION_MS = 60_000;

@Injectable()
export class ApiKeysService {
  constructor(
    @InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>,
    private readonly clock: Clock,
  ) {}

  async create(auth: AuthContext, organizationId: string, dto: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    assertOrganizationAccess(auth, organizationId);
    const prefix = `kq_${randomBytes(6).toString('hex')}`;
    const key = `${prefix}_${randomSecret(32)}`;
    const saved = await this.keys.save(
      this.keys.create({
        organizationId,
        name: dto.name,
        prefix,
        keyHash: sha256(key),
        scopes: dto.scopes,
        createdById: auth.userId!,
      }),
    );
    return { ...toApiKeyDto(saved), key };
  }

  async list(auth: AuthContext, organizationId: string, query: PageQueryDto): Promise<Page<ApiKeyDto>> {
    assertOrganizationAccess(auth, organizationId);
    const position = decodeCursor(query.cursor, 'timestamp');
    const qb = this.keys
      .createQueryBuilder('k')
      .where('k.organization_id = :organizationId', { organizationId })
      .orderBy('k.created_at', 'DESC')
      .addOrderBy('k.id', 'DESC');
    if (position) qb.andWhere('(k.created_at, k.id) < (:sort, :id)', position);
    const rows = await qb.take(query.limit + 1).getMany();
    return toPage(rows, query.limit, (k) => ({ sort: k.createdAt.toISOString(), id: k.id }), toApiKeyDto);
  }

  async revoke(auth: AuthContext, organizationId: string, id: string): Promise<void> {
    assertOrganizationAccess(auth, organizationId);
    const result = await this.keys.update(
      { id, organizationId, revokedAt: IsNull() },
      { revokedAt: this.clock.now() },
    );
    if (!result.affected) {
      const exists = await this.keys.existsBy({ id, organizationId });
      if (!exists) throw AppException.notFound('API key', id);
    }
  }

  /** Whether a key still stands, for the tokens it minted; null once it is deleted. */
  async findStanding(id: string): Promise<ApiKeyStanding | null> {
    const key = await this.keys.findOne({ where: { id }, select: { organizationId: true, scopes: true, revokedAt: true } });
    return key ? { organizationId: key.organizationId, scopes: key.scopes, revoked: key.revokedAt !== null } : null;
  }

  /** Resolves a presented key to its live record, or null. Never throws on bad input. */
  async authenticate(presented: string): Promise<ApiKeyEntity | null> {
    const match = KEY_FORMAT.exec(presented);
    if (!match) return null;
    const key = await this.keys.findOneBy({ prefix: match[1] });
    if (!key || key.revokedAt || !sameHash(key.keyHash, sha256(presented))) return null;
    const now = this.clock.now();
    if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      key.lastUsedAt = now;
      await this.keys.update({ id: key.id }, { lastUsedAt: now });
    }
    return key;
  }
}
