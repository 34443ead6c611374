import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Blueprint } from '../blueprint.js';
import { ExamEntity } from './exam.entity.js';

/** A published, immutable blueprint. Attempts point here, so later edits never touch them. */
@Entity('exam_versions')
@Unique('uq_exam_versions_number', ['examId', 'version'])
export class ExamVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'exam_id', type: 'uuid' })
  examId: string;

  @ManyToOne(() => ExamEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'exam_id' })
  exam?: ExamEntity;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'jsonb' })
  blueprint: Blueprint;

  @CreateDateColumn({ name: 'published_at', type: 'timestamptz', precision: 3 })
  publishedAt: Date;
}
