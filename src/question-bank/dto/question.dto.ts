import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page.js';
import { QUESTION_USES, type QuestionUse } from '../item-use.js';
import { QUESTION_ORIGINS, QUESTION_STATUSES, type QuestionOrigin, type QuestionStatus } from '../entities/question.entity.js';
import {
  DIFFICULTIES,
  LANGUAGES,
  QUESTION_TYPES,
  type AnswerKey,
  type Difficulty,
  type Language,
  type QuestionContent,
  type QuestionType,
} from '../model/question-types.js';

const SECTION_KEY = /^\d{1,3}(\.\d{1,3}){0,5}$/;
const toArray = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',') : value);

const USE_DESCRIPTION =
  "Where the item may appear: `practice` (practice quizzes only), `exam` (exams only: never in practice quizzes, /check, exports or a candidate's review; the only items a high-stakes exam draws) or `both`";

const CONTENT_EXAMPLE = {
  type: 'single-choice',
  stem: 'Which component picks the node a new Pod runs on?',
  options: [
    { id: 'a', text: 'kube-scheduler' },
    { id: 'b', text: 'kube-controller-manager' },
    { id: 'c', text: 'kubelet' },
    { id: 'd', text: 'etcd' },
  ],
};

export class QuestionEditDto {
  @ApiProperty({ description: 'What the candidate sees; shape depends on `type`', example: CONTENT_EXAMPLE })
  @IsObject()
  content: QuestionContent;

  @ApiProperty({ description: 'The answer; `type` must equal the content type', example: { type: 'single-choice', correct: 'a' } })
  @IsObject()
  answerKey: AnswerKey;

  @ApiPropertyOptional({ example: 'The scheduler filters and scores nodes, then binds the Pod to the best one.' })
  @IsOptional()
  @IsString()
  @Length(0, 4000)
  explanation?: string;

  @ApiPropertyOptional({ enum: DIFFICULTIES })
  @IsOptional()
  @IsIn(DIFFICULTIES)
  difficulty?: Difficulty;

  @ApiPropertyOptional({ type: [String], example: ['control-plane'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  tags?: string[];

  @ApiPropertyOptional({ enum: QUESTION_USES, example: 'exam', description: `${USE_DESCRIPTION}. On create the default is \`both\`; on edit the current use is kept.` })
  @IsOptional()
  @IsIn(QUESTION_USES)
  use?: QuestionUse;
}

/** Approving may set the use at the same time; without a body the use stays as it is. */
export class ApproveQuestionDto {
  @ApiPropertyOptional({ enum: QUESTION_USES, example: 'exam', description: USE_DESCRIPTION })
  @IsOptional()
  @IsIn(QUESTION_USES)
  use?: QuestionUse;
}

export class CreateQuestionDto extends QuestionEditDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  courseId: string;

  @ApiProperty({ type: [String], example: ['3.1'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @Matches(SECTION_KEY, { each: true, message: 'each section key looks like 3 or 3.1' })
  sectionKeys: string[];

  @ApiProperty({ enum: LANGUAGES })
  @IsIn(LANGUAGES)
  language: Language;
}

export class QuestionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  courseId?: string;

  @ApiPropertyOptional({ example: '3.1', description: 'Questions of this section (not its subsections)' })
  @IsOptional()
  @Matches(SECTION_KEY)
  section?: string;

  @ApiPropertyOptional({ enum: QUESTION_TYPES })
  @IsOptional()
  @IsIn(QUESTION_TYPES)
  type?: QuestionType;

  @ApiPropertyOptional({ enum: QUESTION_STATUSES })
  @IsOptional()
  @IsIn(QUESTION_STATUSES)
  status?: QuestionStatus;

  @ApiPropertyOptional({ enum: QUESTION_ORIGINS })
  @IsOptional()
  @IsIn(QUESTION_ORIGINS)
  origin?: QuestionOrigin;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;

  @ApiPropertyOptional({ enum: QUESTION_USES })
  @IsOptional()
  @IsIn(QUESTION_USES)
  use?: QuestionUse;
}

export class BulkApproveDto {
  @ApiProperty({ type: [String], format: 'uuid' })
  @Transform(toArray)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  ids: string[];
}

export class QuestionQualityDto {
  @ApiProperty({ example: 0.85, minimum: 0, maximum: 1, description: 'How publishable the generator judged the item; review the highest first' })
  score: number;

  @ApiProperty({
    example: ['source-reused'],
    description: 'What lowered the score: source-reused, three-options, obvious-blank, answer-in-section-title, long-stem',
  })
  reasons: string[];
}

export class QuestionSourceDto {
  @ApiProperty({ format: 'uuid' })
  documentId: string;

  @ApiProperty()
  documentVersion: number;

  @ApiProperty({ example: '3.1' })
  sectionKey: string;

  @ApiProperty()
  sentence: string;

  @ApiProperty({ example: 'definition-to-term' })
  rule: string;

  @ApiPropertyOptional({ type: QuestionQualityDto, description: 'Quality score of a generated item' })
  quality?: QuestionQualityDto;
}

/** An author's view: content with its key. Never sent to candidates. */
export class QuestionWithKeyDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  courseId: string;

  @ApiProperty({ type: [String] })
  sectionKeys: string[];

  @ApiProperty({ enum: LANGUAGES })
  language: Language;

  @ApiProperty({ enum: QUESTION_TYPES })
  type: QuestionType;

  @ApiProperty({ enum: DIFFICULTIES })
  difficulty: Difficulty;

  @ApiProperty({ type: [String] })
  tags: string[];

  @ApiProperty({ enum: QUESTION_STATUSES })
  status: QuestionStatus;

  @ApiProperty({ enum: QUESTION_ORIGINS })
  origin: QuestionOrigin;

  @ApiProperty({ enum: QUESTION_USES, example: 'both', description: USE_DESCRIPTION })
  use: QuestionUse;

  @ApiProperty({ example: 2 })
  revision: number;

  @ApiProperty({ format: 'uuid' })
  revisionId: string;

  @ApiProperty({ example: CONTENT_EXAMPLE })
  content: QuestionContent;

  @ApiProperty({ example: { type: 'single-choice', correct: 'a' } })
  answerKey: AnswerKey;

  @ApiProperty()
  explanation: string;

  @ApiPropertyOptional({ type: QuestionSourceDto, nullable: true })
  source: QuestionSourceDto | null;

  @ApiProperty()
  updatedAt: string;
}

export class QuestionPageDto {
  @ApiProperty({ type: [QuestionWithKeyDto] })
  items: QuestionWithKeyDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export class BulkApproveResultDto {
  @ApiProperty({ example: 12 })
  approved: number;

  @ApiProperty({ type: [String], description: 'Ids that were not found or could not be approved' })
  skipped: string[];
}

export class SectionStatsDto {
  @ApiProperty({ example: '3.1' })
  sectionKey: string;

  @ApiProperty({ enum: LANGUAGES })
  language: Language;

  @ApiProperty({ example: { draft: 4, approved: 9, retired: 0, stale: 1 } })
  byStatus: Record<QuestionStatus, number>;

  @ApiProperty({ example: { 'single-choice': 5, cloze: 3 } })
  approvedByType: Partial<Record<QuestionType, number>>;

  @ApiProperty({ example: { practice: 2, exam: 6, both: 10 }, description: 'Approved items by use: what practice and (high-stakes) exams can draw' })
  approvedByUse: Record<QuestionUse, number>;
}

export class BankStatsDto {
  @ApiProperty({ format: 'uuid' })
  courseId: string;

  @ApiProperty({ type: [SectionStatsDto] })
  sections: SectionStatsDto[];
}

export class StatsQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  courseId: string;
}

