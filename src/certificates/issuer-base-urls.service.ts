import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { CertificateUrls } from './certificate-urls.js';
import { IssuerBaseUrlEntity } from './entities/issuer-base-url.entity.js';

/**
 * The base URLs each organisation has issued under. New credentials use the current
 * PUBLIC_BASE_URL; verification accepts it and every base recorded before, so moving the
 * service to a new host name does not invalidate what was signed under the old one.
 */
@Injectable()
export class IssuerBaseUrlsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly urls: CertificateUrls,
  ) {}

  /** Records the current base for the organisation, inside the issuing transaction. */
  async recordCurrent(manager: EntityManager, organizationId: string, issuedAt: Date): Promise<void> {
    await manager.query(
      `INSERT INTO issuer_base_urls (organization_id, base_url, first_issued_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [organizationId, this.urls.base, issuedAt],
    );
  }

  /** The current base first, then every earlier one. */
  async basesOf(organizationId: string): Promise<string[]> {
    const rows = await this.dataSource
      .getRepository(IssuerBaseUrlEntity)
      .find({ where: { organizationId }, order: { firstIssuedAt: 'ASC' } });
    return [this.urls.base, ...rows.map((row) => row.baseUrl).filter((base) => base !== this.urls.base)];
  }

  /** Every issuer id the organisation's credentials may carry. */
  async issuerIdsOf(organizationId: string): Promise<string[]> {
    return (await this.basesOf(organizationId)).map((base) => this.urls.issuer(organizationId, base));
  }
}
