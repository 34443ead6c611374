import { QUESTION_USES, type QuestionUse } from '../../question-bank/item-use.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page.js';

export class AttemptListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['in-progress', 'submitted'] })
  @IsOptional()
  @IsIn(['in-progress', 'submitted'])
  status?: 'in-progress' | 'submitted';

  @ApiPropertyOptional({ description: 'Only passed (true) or failed (false) attempts' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  passed?: boolean;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'csv returns every matching attempt as a file (no paging)' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class AttemptSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'lms-4711' })
  externalId: string | null;

  @ApiProperty({ example: '李学员' })
  displayName: string;

  @ApiProperty({ example: 1 })
  attemptNumber: number;

  @ApiProperty({ example: 1 })
  examVersion: number;

  @ApiProperty({ enum: ['in-progress', 'submitted'] })
  status: string;

  @ApiProperty()
  startedAt: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  submittedAt: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, enum: ['candidate', 'deadline'] })
  submittedBy: string | null;

  @ApiPropertyOptional({ nullable: true, type: Number, example: 82.5 })
  percentage: number | null;

  @ApiPropertyOptional({ nullable: true, type: Boolean })
  passed: boolean | null;
}

export class AttemptPageDto {
  @ApiProperty({ type: [AttemptSummaryDto] })
  items: AttemptSummaryDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export class CandidateStandingDto {
  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty({ example: 3 })
  attempts: number;

  @ApiPropertyOptional({ nullable: true, type: Number, description: "Combined by the exam's policy (highest, last, first, average)" })
  combinedPercentage: number | null;

  @ApiPropertyOptional({ nullable: true, type: Boolean })
  passed: boolean | null;
}

export class ItemStatisticsDto {
  @ApiProperty({ format: 'uuid' })
  questionId: string;

  @ApiProperty({ example: 24 })
  n: number;

  @ApiPropertyOptional({ nullable: true, type: Number, example: 0.62 })
  facility: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number, example: 0.41 })
  pointBiserial: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number, example: 0.5 })
  upperLower: number | null;

  @ApiPropertyOptional({ nullable: true, example: [{ optionId: 'a', isKey: true, count: 15 }] })
  options: Array<{ optionId: string; isKey: boolean; count: number }> | null;

  @ApiProperty({ example: ['discrimination-low'] })
  flags: string[];
}

/** How often an item has been put in front of candidates: its exposure. */
export class ItemExposureDto {
  @ApiProperty({ format: 'uuid' })
  questionId: string;

  @ApiProperty({ enum: QUESTION_USES, example: 'exam' })
  use: QuestionUse;

  @ApiProperty({ example: 31, description: 'Attempts at this exam (any attempt number, submitted or not) whose form drew the item' })
  attempts: number;

  @ApiProperty({ example: 2, description: 'Of those, attempts still in progress' })
  inProgress: number;

  @ApiProperty({ example: 57, description: "Attempts at any exam of this organisation whose form drew the item" })
  organizationAttempts: number;

  @ApiProperty({ example: '2026-12-07T08:15:00.000Z', description: 'When an attempt at this exam last drew it' })
  lastDrawnAt: string;
}

export class ItemAnalysisDto {
  @ApiProperty({ format: 'uuid' })
  examId: string;

  @ApiProperty({ example: { candidates: 24, items: 40, mean: 27.3, standardDeviation: 5.1, alpha: 0.82, alphaCandidates: 24 } })
  exam: { candidates: number; items: number; mean: number | null; standardDeviation: number | null; alpha: number | null; alphaCandidates: number };

  @ApiProperty({ type: [ItemStatisticsDto] })
  items: ItemStatisticsDto[];

  @ApiProperty({ type: [ItemExposureDto], description: 'Every item any attempt at this exam drew, most exposed first' })
  exposure: ItemExposureDto[];
}
