import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { AttemptEntity } from '../../attempts/entities/attempt.entity.js';
import { UserEntity } from '../../auth/entities/user.entity.js';
import { ExamEntity } from '../../exams/entities/exam.entity.js';
import { OrganizationEntity } from '../../organizations/entities/organization.entity.js';
import type { OpenBadgeCredential } from '../core/index.js';
import { StatusListEntity } from './status-list.entity.js';

/** A certificate for one passed attempt: the signed credential and what the PDF prints. */
@Entity('certificates')
@Unique('uq_certificates_attempt', ['attemptId'])
@Unique('uq_certificates_status_entry', ['statusListId', 'statusListIndex'])
@Index('ix_certificates_org_exam', ['organizationId', 'examId', 'issuedAt'])
@Index('ix_certificates_user', ['userId', 'issuedAt'])
// The expiry sweep's scan (certificate-expiry-announcer.ts).
@Index('ix_certificates_expiring', ['validUntil'], { where: 'revoked_at IS NULL AND valid_until IS NOT NULL' })
export class CertificateEntity {
  /** Chosen before signing: the credential carries it. */
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;

  @Column({ name: 'attempt_id', type: 'uuid' })
  attemptId: string;

  @ManyToOne(() => AttemptEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'attempt_id' })
  attempt?: AttemptEntity;

  @Column({ name: 'exam_id', type: 'uuid' })
  examId: string;

  @ManyToOne(() => ExamEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'exam_id' })
  exam?: ExamEntity;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  /** As printed at issue time, so the PDF stays byte-stable when the account is renamed. */
  @Column({ name: 'recipient_name', type: 'text' })
  recipientName: string;

  @Column({ name: 'exam_title', type: 'text' })
  examTitle: string;

  @Column({ type: 'real' })
  score: number;

  /** Whole seconds, equal to the credential's validFrom. */
  @Column({ name: 'issued_at', type: 'timestamptz', precision: 3 })
  issuedAt: Date;

  @Column({ name: 'valid_until', type: 'timestamptz', precision: 3, nullable: true })
  validUntil: Date | null;

  @Column({ name: 'status_list_id', type: 'uuid' })
  statusListId: string;

  @ManyToOne(() => StatusListEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'status_list_id' })
  statusList?: StatusListEntity;

  @Column({ name: 'status_list_index', type: 'integer' })
  statusListIndex: number;

  @Column({ type: 'text' })
  kid: string;

  @Column({ type: 'jsonb' })
  credential: OpenBadgeCredential;

  /** The VC-JWT: the proof; the credential column is its readable copy. */
  @Column({ type: 'text' })
  jwt: string;

  /**
   * Name on the public verification, PDF and credential downloads public. True unless the
   * holder hid it (or, for certificates issued before names were shown by default, never chose).
   */
  @Column({ name: 'show_name', type: 'boolean', default: true })
  showName: boolean;

  /** When the holder last chose showName; null if they never did. */
  @Column({ name: 'show_name_chosen_at', type: 'timestamptz', precision: 3, nullable: true })
  showNameChosenAt: Date | null;

  /** HMAC-SHA-256 of the normalised printed name under this salt: the public name check. */
  @Column({ name: 'recipient_name_salt', type: 'bytea' })
  recipientNameSalt: Buffer;

  @Column({ name: 'recipient_name_hash', type: 'bytea' })
  recipientNameHash: Buffer;

  @Column({ name: 'revoked_at', type: 'timestamptz', precision: 3, nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revocation_reason', type: 'text', nullable: true })
  revocationReason: string | null;

  @Column({ name: 'revoked_by_id', type: 'uuid', nullable: true })
  revokedById: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
