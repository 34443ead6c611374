import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrganizationEntity } from '../../organizations/entities/organization.entity.js';

/**
 * Events that must go out once only (`certificate.expired:<id>`): the key is written in the
 * transaction that writes the deliveries, so a second run, or a second replica, finds it taken.
 */
@Entity('webhook_event_keys')
export class WebhookEventKeyEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_webhook_event_keys' })
  key: string;

  @Index('ix_webhook_event_keys_organization')
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_webhook_event_keys_organization' })
  organization?: OrganizationEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
