import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { LANGUAGES, MULTIPLE_RESPONSE_POLICIES, type Language, type MultipleResponsePolicy } from '../../question-bank/model/question-types.js';
import { COMBINE_POLICIES, REVIEW_POLICIES, type CombinePolicy, type ReviewPolicy } from '../blueprint.js';

export class DifficultyMixDto {
  @ApiPropertyOptional({ example: 2, minimum: 0, maximum: 200 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(200)
  easy?: number;

  @ApiPropertyOptional({ example: 2, minimum: 0, maximum: 200 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(200)
  medium?: number;

  @ApiPropertyOptional({ example: 1, minimum: 0, maximum: 200 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(200)
  hard?: number;
}

export class SectionDrawDto {
  @ApiProperty({ example: '3', description: 'Draws from this section and its subsections' })
  @Matches(/^\d{1,3}(\.\d{1,3}){0,5}$/)
  sectionKey: string;

  @ApiProperty({ example: 5 })
  @IsInt()
  @Min(1)
  @Max(200)
  count: number;

  @ApiPropertyOptional({ type: DifficultyMixDto, description: 'Must add up to count' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DifficultyMixDto)
  difficulty?: DifficultyMixDto;
}

export class LabTaskRefDto {
  @ApiProperty({ example: 'deployment-basics' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{1,80}$/)
  taskId: string;

  @ApiProperty({ example: 10, description: 'Points the task is worth' })
  @IsNumber()
  @Min(0.1)
  @Max(1000)
  weight: number;
}

/** The editable part of an exam. Every field has a sensible default except course and title. */
export class BlueprintDto {
  @ApiProperty({ example: 'Kubernetes Fundamentals — certification exam' })
  @IsString()
  @Length(2, 200)
  title: string;

  @ApiProperty({ enum: LANGUAGES })
  @IsIn(LANGUAGES)
  language: Language;

  @ApiPropertyOptional({ type: [SectionDrawDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => SectionDrawDto)
  sections?: SectionDrawDto[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'A fixed item list instead of draws' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(300)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  fixedQuestionIds?: string[];

  @ApiPropertyOptional({ type: [LabTaskRefDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => LabTaskRefDto)
  labTasks?: LabTaskRefDto[];

  @ApiPropertyOptional({ example: 1, default: 1 })
  @IsOptional()
  @IsNumber()
  @Min(0.1)
  @Max(100)
  questionWeight?: number;

  @ApiPropertyOptional({ example: 60, default: 60 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  timeLimitMinutes?: number;

  @ApiPropertyOptional({ example: 70, default: 70 })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100)
  passMark?: number;

  @ApiPropertyOptional({ example: 3, default: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  maxAttempts?: number;

  @ApiPropertyOptional({ enum: COMBINE_POLICIES, default: 'highest' })
  @IsOptional()
  @IsIn(COMBINE_POLICIES)
  combine?: CombinePolicy;

  @ApiPropertyOptional({ example: '2026-12-01T00:00:00Z', nullable: true })
  @IsOptional()
  @IsISO8601()
  availableFrom?: string | null;

  @ApiPropertyOptional({ example: '2026-12-31T23:59:59Z', nullable: true })
  @IsOptional()
  @IsISO8601()
  availableUntil?: string | null;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  shuffleQuestions?: boolean;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  shuffleOptions?: boolean;

  @ApiPropertyOptional({ enum: REVIEW_POLICIES, default: 'score-and-sections' })
  @IsOptional()
  @IsIn(REVIEW_POLICIES)
  reviewPolicy?: ReviewPolicy;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  reviewAfterWindowCloses?: boolean;

  @ApiPropertyOptional({ example: 24, nullable: true, description: 'Certificate validity; null for no expiry' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(240)
  certificateValidityMonths?: number | null;

  @ApiPropertyOptional({ enum: MULTIPLE_RESPONSE_POLICIES, default: 'partial' })
  @IsOptional()
  @IsIn(MULTIPLE_RESPONSE_POLICIES)
  multipleResponsePolicy?: MultipleResponsePolicy;

  @ApiPropertyOptional({
    type: Boolean,
    default: false,
    example: true,
    description:
      'Draw only exam-only questions (`use: exam`), which candidates never meet in practice, exports or reviews. Publishing refuses a bank that has too few of them, naming the sections.',
  })
  @IsOptional()
  @IsBoolean()
  highStakes?: boolean;
}

export class CreateExamDto extends BlueprintDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  courseId: string;
}
