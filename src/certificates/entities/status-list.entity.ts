import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OrganizationEntity } from '../../organizations/entities/organization.entity.js';

/** One revocation bitstring of an organisation; indexes are handed out in order until `capacity`. */
@Entity('status_lists')
@Index('ix_status_lists_org', ['organizationId', 'createdAt'])
export class StatusListEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;

  /** The raw bits (index 0 = most significant bit of the first byte), at least 16 KiB. */
  @Column({ type: 'bytea' })
  bits: Buffer;

  /** How many indexes this list hands out (≤ the bit length). */
  @Column({ type: 'integer' })
  capacity: number;

  @Column({ name: 'next_index', type: 'integer', default: 0 })
  nextIndex: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  /** When a bit last changed (business clock): the list credential's validFrom. */
  @Column({ name: 'changed_at', type: 'timestamptz', precision: 3 })
  changedAt: Date;
}
