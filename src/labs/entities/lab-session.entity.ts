import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../../auth/entities/user.entity.js';
import { ClusterEntity } from '../../cluster/registry/cluster.entity.js';

export type LabSessionStatus = 'active' | 'expired' | 'deleted';

/** A candidate's own namespace on a cluster for one task, practice or inside an attempt. */
@Entity('lab_sessions')
@Index('ix_lab_sessions_active', ['status', 'expiresAt'])
export class LabSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  @Index()
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ name: 'task_id', type: 'text' })
  taskId: string;

  @Index()
  @Column({ name: 'cluster_id', type: 'uuid' })
  clusterId: string;

  @ManyToOne(() => ClusterEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cluster_id' })
  cluster?: ClusterEntity;

  @Column({ type: 'text' })
  namespace: string;

  /** Set when the session belongs to an exam attempt. */
  @Index()
  @Column({ name: 'attempt_id', type: 'uuid', nullable: true })
  attemptId: string | null;

  @Column({ type: 'text' })
  status: LabSessionStatus;

  @Column({ name: 'expires_at', type: 'timestamptz', precision: 3 })
  expiresAt: Date;

  /** The last validation report (per-check results and score). */
  @Column({ name: 'last_validation', type: 'jsonb', nullable: true })
  lastValidation: Record<string, unknown> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
