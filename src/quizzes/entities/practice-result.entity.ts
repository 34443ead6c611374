import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../../auth/entities/user.entity.js';
import { CourseEntity } from '../../documents/entities/course.entity.js';

/** A checked practice quiz, kept for the candidate's progress view. */
@Entity('practice_results')
@Index('ix_practice_results_user_course', ['userId', 'courseId'])
export class PracticeResultEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @ManyToOne(() => CourseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: CourseEntity;

  /** The quiz's section key (a chapter like `3` or a section like `3.1`). */
  @Column({ name: 'section_key', type: 'text' })
  sectionKey: string;

  @Column({ type: 'text' })
  language: string;

  @Column({ type: 'real' })
  points: number;

  @Column({ name: 'max_points', type: 'real' })
  maxPoints: number;

  @Column({ name: 'answered_count', type: 'integer' })
  answeredCount: number;

  @Column({ name: 'correct_count', type: 'integer' })
  correctCount: number;

  /** question id → revision id and outcome, for later analysis. */
  @Column({ type: 'jsonb' })
  items: Array<{ questionId: string; revisionId: string; outcome: string; fraction: number }>;

  /** The id the app gave an answer made offline; unique per user, so an upload can be retried. */
  @Column({ name: 'client_id', type: 'uuid', nullable: true })
  clientId: string | null;

  /** When an offline answer was given, by the device's clock (bounded at upload). */
  @Column({ name: 'answered_at', type: 'timestamptz', precision: 3, nullable: true })
  answeredAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
