import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { AnswerKey, QuestionContent } from '../model/question-types.js';
import { QuestionEntity } from './question.entity.js';

/** One immutable version of a question's content, key and explanation. */
@Entity('question_revisions')
@Unique('uq_question_revisions_number', ['questionId', 'revision'])
export class QuestionRevisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'question_id', type: 'uuid' })
  questionId: string;

  @ManyToOne(() => QuestionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'question_id' })
  question?: QuestionEntity;

  @Column({ type: 'integer' })
  revision: number;

  @Column({ type: 'jsonb' })
  content: QuestionContent;

  @Column({ name: 'answer_key', type: 'jsonb' })
  answerKey: AnswerKey;

  @Column({ type: 'text', default: '' })
  explanation: string;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
