import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page.js';
import { LANGUAGES, type Language } from '../../question-bank/model/question-types.js';
import type { ItemResponse } from '../../question-bank/model/question-types.js';

export class QuizSummaryDto {
  @ApiProperty({ example: '0b7c6f1e-8a41-4d8e-9a55-0c7d2a8f4e11~3.1', description: 'Course id and section key' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  courseId: string;

  @ApiProperty({ example: '3.1' })
  sectionKey: string;

  @ApiProperty({ enum: ['chapter', 'section'] })
  scope: 'chapter' | 'section';

  @ApiProperty({ example: '3.1 Master 组件' })
  title: string;

  @ApiProperty({ enum: LANGUAGES })
  language: Language;

  @ApiProperty({ example: 9 })
  questionCount: number;
}

export class QuizListDto {
  @ApiProperty({ type: [QuizSummaryDto] })
  items: QuizSummaryDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page', example: null })
  nextCursor: string | null;
}

export class QuizListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: LANGUAGES, description: 'Overrides Accept-Language' })
  @IsOptional()
  @IsIn(LANGUAGES)
  lang?: Language;
}

export class QuizQueryDto {
  @ApiPropertyOptional({ enum: LANGUAGES, description: 'Overrides Accept-Language' })
  @IsOptional()
  @IsIn(LANGUAGES)
  lang?: Language;

  @ApiPropertyOptional({ description: 'Shuffle seed from a previous response, to get the same order again', example: 'k3v9q2' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/)
  seed?: string;
}

export class ChoiceDto {
  @ApiProperty({ example: 'a' })
  id: string;

  @ApiProperty({ example: 'kube-scheduler' })
  text: string;
}

export class QuizItemDto {
  @ApiProperty({ format: 'uuid' })
  questionId: string;

  @ApiProperty({ format: 'uuid' })
  revisionId: string;

  @ApiProperty({ enum: ['single-choice', 'multiple-response', 'true-false', 'cloze', 'matching', 'ordering'] })
  type: string;

  @ApiProperty({ example: 'Which component picks the node a new Pod runs on?' })
  stem: string;

  @ApiPropertyOptional({ type: [ChoiceDto] })
  options?: ChoiceDto[];

  @ApiPropertyOptional({ type: [ChoiceDto] })
  prompts?: ChoiceDto[];

  @ApiPropertyOptional({ type: [ChoiceDto] })
  choices?: ChoiceDto[];

  @ApiPropertyOptional({ type: [ChoiceDto] })
  items?: ChoiceDto[];

  @ApiPropertyOptional({ example: 2 })
  blanks?: number;
}

export class QuizDto extends QuizSummaryDto {
  @ApiProperty({ description: 'Echo this back to get the same shuffle (and a 304 with If-None-Match)' })
  seed: string;

  @ApiProperty({ type: [QuizItemDto] })
  questions: QuizItemDto[];
}

export class QuizAnswerDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  questionId: string;

  @ApiProperty({ example: { type: 'single-choice', choice: 'a' }, description: 'Shape depends on the question type' })
  @IsObject()
  response: ItemResponse;
}

export class CheckQuizDto {
  @ApiProperty({ enum: LANGUAGES })
  @IsIn(LANGUAGES)
  language: Language;

  @ApiPropertyOptional({ example: 'k3v9q2' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  seed?: string;

  @ApiProperty({ type: [QuizAnswerDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => QuizAnswerDto)
  answers: QuizAnswerDto[];
}

export class ItemFeedbackDto {
  @ApiProperty({ format: 'uuid' })
  questionId: string;

  @ApiProperty()
  correct: boolean;

  @ApiProperty({ enum: ['correct', 'partial', 'incorrect', 'unanswered'] })
  outcome: string;

  @ApiProperty({ example: 1 })
  score: number;

  @ApiProperty({ description: 'The right answer', example: { type: 'single-choice', correct: 'a' } })
  correctAnswer: object;

  @ApiProperty()
  explanation: string;

  @ApiProperty({ example: '3.1' })
  sectionKey: string;

  @ApiPropertyOptional({ example: '/v1/documents/…/sections/3.1', nullable: true, type: String })
  sectionLink: string | null;
}

export class QuizCheckResultDto {
  @ApiProperty({ example: 7.5 })
  score: number;

  @ApiProperty({ example: 9 })
  maxScore: number;

  @ApiProperty({ example: 83.33 })
  percentage: number;

  @ApiProperty({ type: [ItemFeedbackDto] })
  items: ItemFeedbackDto[];
}

export class SectionProgressDto {
  @ApiProperty({ format: 'uuid' })
  courseId: string;

  @ApiProperty({ example: '3.1' })
  sectionKey: string;

  @ApiProperty({ example: 3 })
  attempts: number;

  @ApiProperty({ example: 88.89 })
  bestPercentage: number;

  @ApiProperty({ example: 77.78 })
  lastPercentage: number;

  @ApiProperty()
  lastPracticedAt: string;
}

export class ProgressDto {
  @ApiProperty({ type: [SectionProgressDto] })
  sections: SectionProgressDto[];
}
