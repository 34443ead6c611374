import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { UserEntity } from '../../auth/entities/user.entity.js';
import { ExamVersionEntity } from '../../exams/entities/exam-version.entity.js';
import { ExamEntity } from '../../exams/entities/exam.entity.js';

export const ATTEMPT_STATUSES = ['in-progress', 'submitted'] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];

/** One sitting of an exam by a candidate, on a form frozen when it started. */
@Entity('attempts')
@Unique('uq_attempts_number', ['examId', 'userId', 'attemptNumber'])
@Index('ix_attempts_deadline', ['status', 'deadlineAt'])
export class AttemptEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'exam_id', type: 'uuid' })
  examId: string;

  @ManyToOne(() => ExamEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'exam_id' })
  exam?: ExamEntity;

  @Column({ name: 'exam_version_id', type: 'uuid' })
  examVersionId: string;

  @ManyToOne(() => ExamVersionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'exam_version_id' })
  examVersion?: ExamVersionEntity;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Index()
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ name: 'attempt_number', type: 'integer' })
  attemptNumber: number;

  /** The form is drawn from this seed: the same seed redraws the same form. */
  @Column({ type: 'text' })
  seed: string;

  @Column({ type: 'text' })
  status: AttemptStatus;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'deadline_at', type: 'timestamptz' })
  deadlineAt: Date;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'submitted_by', type: 'text', nullable: true })
  submittedBy: 'candidate' | 'deadline' | null;

  @Column({ type: 'real', nullable: true })
  percentage: number | null;

  @Column({ type: 'boolean', nullable: true })
  passed: boolean | null;

  /** The full grading result (per item, per section, labs). */
  @Column({ type: 'jsonb', nullable: true })
  result: Record<string, unknown> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
