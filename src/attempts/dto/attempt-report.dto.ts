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

export class ItemAnalysisDto {
  @ApiProperty({ format: 'uuid' })
  examId: string;

  @ApiProperty({ example: { candidates: 24, items: 40, mean: 27.3, standardDeviation: 5.1, alpha: 0.82, alphaCandidates: 24 } })
  exam: { candidates: number; items: number; mean: number | null; standardDeviation: number | null; alpha: number | null; alphaCandidates: number };

  @ApiProperty({ type: [ItemStatisticsDto] })
  items: ItemStatisticsDto[];
}
