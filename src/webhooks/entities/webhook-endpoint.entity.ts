import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganizationEntity } from '../../organizations/entities/organization.entity.js';
import type { WebhookEvent } from '../webhook-events.js';
import type { SecretFormat } from '../webhook-signature.js';

@Entity('webhook_endpoints')
export class WebhookEndpointEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;

  @Column({ type: 'text' })
  url: string;

  @Column({ type: 'text', array: true })
  events: WebhookEvent[];

  /** The signing secret, sealed with SECRETS_ENCRYPTION_KEY (it must be readable to sign). */
  @Column({ name: 'sealed_secret', type: 'text' })
  sealedSecret: string;

  @Column({ name: 'secret_format', type: 'text', default: 'base64' })
  secretFormat: SecretFormat;

  /** The secret before the last rotation, still signing (beside the current one) until it expires. */
  @Column({ name: 'previous_sealed_secret', type: 'text', nullable: true })
  previousSealedSecret: string | null;

  @Column({ name: 'previous_secret_format', type: 'text', nullable: true })
  previousSecretFormat: SecretFormat | null;

  @Column({ name: 'previous_secret_expires_at', type: 'timestamptz', precision: 3, nullable: true })
  previousSecretExpiresAt: Date | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
