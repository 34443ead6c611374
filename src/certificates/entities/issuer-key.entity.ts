import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { EncryptedPrivateKey, IssuerPublicJwk } from '../core/index.js';
import { OrganizationEntity } from '../../organizations/entities/organization.entity.js';

/**
 * An organisation's Ed25519 signing key. Rotation retires the current key but never deletes
 * it: its public half stays in the JWKS so everything it signed still verifies.
 */
@Entity('issuer_keys')
@Index('uq_issuer_keys_current', ['organizationId'], { unique: true, where: 'retired_at IS NULL' })
export class IssuerKeyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;

  /** RFC 7638 thumbprint of the public key. */
  @Column({ type: 'text', unique: true })
  kid: string;

  @Column({ name: 'public_jwk', type: 'jsonb' })
  publicJwk: IssuerPublicJwk;

  /** AES-256-GCM under SECRETS_ENCRYPTION_KEY; never leaves the server. */
  @Column({ name: 'encrypted_private_key', type: 'jsonb' })
  encryptedPrivateKey: EncryptedPrivateKey;

  @Column({ name: 'retired_at', type: 'timestamptz', precision: 3, nullable: true })
  retiredAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
