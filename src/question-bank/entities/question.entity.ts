import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { CourseEntity } from '../../documents/entities/course.entity.js';
import { DEFAULT_QUESTION_USE, type QuestionUse } from '../item-use.js';
import type { Difficulty, Language, QuestionType } from '../model/question-types.js';

export const QUESTION_STATUSES = ['draft', 'approved', 'retired', 'stale'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

export const QUESTION_ORIGINS = ['generated', 'curated', 'authored', 'imported'] as const;
export type QuestionOrigin = (typeof QUESTION_ORIGINS)[number];

/** Where a generated item came from, so regeneration can tell whether it still holds. */
export interface QuestionSource {
  documentId: string;
  documentVersion: number;
  sectionKey: string;
  sentence: string;
  rule: string;
  /** Generated items: the generator's quality score (0–1) and what lowered it. */
  quality?: { score: number; reasons: string[] };
}

/**
 * A question's identity and lifecycle. Its content lives in immutable revisions; attempts
 * and practice results reference a revision, so editing never changes what was graded.
 */
@Entity('questions')
@Index('ix_questions_bank', ['courseId', 'language', 'status'])
@Index('uq_questions_fingerprint', ['courseId', 'fingerprint'], { unique: true, where: 'fingerprint IS NOT NULL' })
export class QuestionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** null: a platform question (of a platform course). */
  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @ManyToOne(() => CourseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: CourseEntity;

  @Column({ name: 'section_keys', type: 'text', array: true })
  sectionKeys: string[];

  @Column({ type: 'text' })
  language: Language;

  @Column({ type: 'text' })
  type: QuestionType;

  @Column({ type: 'text' })
  difficulty: Difficulty;

  @Column({ type: 'text', array: true, default: '{}' })
  tags: string[];

  @Column({ type: 'text' })
  status: QuestionStatus;

  @Column({ type: 'text' })
  origin: QuestionOrigin;

  /** Practice, exam or both: which candidate-facing places may show the item (see item-use.ts). */
  @Column({ type: 'text', default: DEFAULT_QUESTION_USE })
  use: QuestionUse;

  /** Links the zh and en versions of the same question. */
  @Column({ name: 'translation_key', type: 'text', nullable: true })
  translationKey: string | null;

  /** Identifies a generated or curated item across regenerations and re-seeding. */
  @Column({ type: 'text', nullable: true })
  fingerprint: string | null;

  @Column({ type: 'jsonb', nullable: true })
  source: QuestionSource | null;

  @Column({ name: 'current_revision', type: 'integer', default: 1 })
  currentRevision: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
