import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrganizationEntity } from '../../organizations/entities/organization.entity.js';

/**
 * A PUBLIC_BASE_URL an organisation issued credentials under. Signed credentials carry their
 * issuer id and status list URLs for years, so every base ever used stays accepted.
 */
@Entity('issuer_base_urls')
export class IssuerBaseUrlEntity {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;

  @PrimaryColumn({ name: 'base_url', type: 'text' })
  baseUrl: string;

  @Column({ name: 'first_issued_at', type: 'timestamptz', precision: 3 })
  firstIssuedAt: Date;
}
