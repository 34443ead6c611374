import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { QuestionRevisionEntity } from '../../question-bank/entities/question-revision.entity.js';
import type { ItemResponse } from '../../question-bank/model/question-types.js';
import { AttemptEntity } from './attempt.entity.js';

/**
 * One position of an attempt's form: the question revision drawn for it, the option order
 * shown, and the saved answer. `answerVersion` makes autosave a compare-and-set.
 */
@Entity('attempt_items')
@Index('ix_attempt_items_question', ['questionId'])
export class AttemptItemEntity {
  @PrimaryColumn({ name: 'attempt_id', type: 'uuid' })
  attemptId: string;

  @ManyToOne(() => AttemptEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'attempt_id' })
  attempt?: AttemptEntity;

  @PrimaryColumn({ type: 'integer' })
  position: number;

  @Column({ name: 'question_id', type: 'uuid' })
  questionId: string;

  @Column({ name: 'revision_id', type: 'uuid' })
  revisionId: string;

  @ManyToOne(() => QuestionRevisionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'revision_id' })
  revision?: QuestionRevisionEntity;

  @Column({ name: 'section_key', type: 'text' })
  sectionKey: string;

  @Column({ type: 'real' })
  weight: number;

  /** The seed that orders this item's options for display. */
  @Column({ name: 'display_seed', type: 'text', nullable: true })
  displaySeed: string | null;

  @Column({ type: 'jsonb', nullable: true })
  answer: ItemResponse | null;

  @Column({ name: 'answer_version', type: 'integer', default: 0 })
  answerVersion: number;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt: Date | null;
}
