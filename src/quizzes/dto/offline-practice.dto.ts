import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsISO8601, IsObject, IsOptional, IsUUID, Matches, ValidateNested } from 'class-validator';
import { LANGUAGES, type ItemResponse, type Language } from '../../question-bank/model/question-types.js';
import { QuizItemDto } from './quiz.dto.js';

export class PracticeBundleQueryDto {
  @ApiPropertyOptional({ enum: LANGUAGES, description: 'Overrides Accept-Language' })
  @IsOptional()
  @IsIn(LANGUAGES)
  lang?: Language;

  @ApiPropertyOptional({ description: 'Only this chapter or section (with its subsections), for courses over the size budget', example: '3' })
  @IsOptional()
  @Matches(/^\d{1,3}(?:\.\d{1,3}){0,5}$/, { message: 'section must be a section key such as 3 or 3.1' })
  section?: string;
}

export class BundleSectionDto {
  @ApiProperty({ example: '3.1' })
  key: string;

  @ApiProperty({ example: 'Master 组件' })
  title: string;
}

export class PracticeBundleItemDto extends QuizItemDto {
  @ApiProperty({ type: [String], example: ['3.1'] })
  sectionKeys: string[];

  @ApiProperty({ description: 'The answer key, for grading on the device', example: { type: 'single-choice', correct: 'a' } })
  correctAnswer: object;

  @ApiProperty({ example: 'kube-scheduler watches for new Pods with no node and picks one for each.' })
  explanation: string;
}

export class PracticeBundleDto {
  @ApiProperty({ format: 'uuid' })
  courseId: string;

  @ApiProperty({ enum: LANGUAGES })
  language: Language;

  @ApiProperty({ type: String, nullable: true, example: null, description: 'The chapter or section asked for; null for the whole course' })
  section: string | null;

  @ApiProperty({ type: [BundleSectionDto], description: 'Titles of the sections the items belong to, in course order' })
  sections: BundleSectionDto[];

  @ApiProperty({ type: [PracticeBundleItemDto], description: 'Options in authored order: shuffle on the device' })
  items: PracticeBundleItemDto[];
}

export class OfflineAnswerDto {
  @ApiProperty({ format: 'uuid', description: 'Made by the app for this answer; sending it again records nothing twice', example: '6f1c2a4e-3b7d-4c59-9e0a-2d8b5f7c1a93' })
  @IsUUID()
  clientId: string;

  @ApiProperty({ format: 'uuid', example: '0d4e5c3b-9a21-4f67-8b1c-7e2a9d3f6b58' })
  @IsUUID()
  questionId: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The revision the bundle held; graded against it when it is still an approved revision of the question, else against the current one' })
  @IsOptional()
  @IsUUID()
  revisionId?: string;

  @ApiProperty({ example: { type: 'single-choice', choice: 'a' }, description: 'Shape depends on the question type, as for /check' })
  @IsObject()
  response: ItemResponse;

  @ApiProperty({ format: 'date-time', example: '2026-12-06T18:42:10.000Z', description: "The device's time of the answer: not ahead of the server by more than 5 minutes, nor older than PRACTICE_RESULT_MAX_AGE_DAYS" })
  @IsISO8601({ strict: true, strictSeparator: true })
  answeredAt: string;
}

export class UploadPracticeResultsDto {
  @ApiProperty({ type: [OfflineAnswerDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => OfflineAnswerDto)
  results: OfflineAnswerDto[];
}

export class RecordedAnswerDto {
  @ApiProperty({ format: 'uuid' })
  clientId: string;

  @ApiProperty({ format: 'uuid' })
  questionId: string;

  @ApiProperty({ description: 'false when this clientId was uploaded before (nothing recorded again)', example: true })
  recorded: boolean;

  @ApiProperty({ enum: ['correct', 'partial', 'incorrect', 'unanswered'] })
  outcome: string;

  @ApiProperty({ example: 1 })
  score: number;

  @ApiProperty({ example: 1 })
  maxScore: number;
}

export class UploadPracticeResultsResultDto {
  @ApiProperty({ type: [RecordedAnswerDto], description: 'In the order sent' })
  items: RecordedAnswerDto[];
}
