import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { MAX_INT32 } from '../../common/validation/bounds.js';

export class GenerateDto {
  @ApiPropertyOptional({ description: 'Seed of the draw (distractors, blanks); the same seed gives the same items', example: 'spring-2026' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_.:-]{1,64}$/)
  seed?: string;

  @ApiPropertyOptional({ description: 'Document version; the latest by default', example: 2, minimum: 1, maximum: MAX_INT32 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_INT32)
  version?: number;

  @ApiPropertyOptional({ description: 'Most items per rule and section', default: 4 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  maxPerRule?: number;
}

export class GenerationSectionDto {
  @ApiProperty({ example: '3.1' })
  sectionKey: string;

  @ApiProperty({ example: 14 })
  generated: number;

  @ApiProperty({ example: ['single-choice', 'cloze', 'true-false'] })
  types: string[];
}

export class GenerationResultDto {
  @ApiProperty({ format: 'uuid' })
  documentId: string;

  @ApiProperty({ example: 2 })
  version: number;

  @ApiProperty({ example: 'spring-2026' })
  seed: string;

  @ApiProperty({ example: 312, description: 'New draft questions' })
  created: number;

  @ApiProperty({ example: 15, description: 'Already in the bank (same fingerprint)' })
  unchanged: number;

  @ApiProperty({ example: 3, description: 'Earlier generated items whose source sentence is gone, now stale' })
  markedStale: number;

  @ApiProperty({ example: [{ reason: 'answer-in-stem', count: 5 }] })
  rejected: Array<{ reason: string; count: number }>;

  @ApiProperty({ type: [GenerationSectionDto] })
  perSection: GenerationSectionDto[];
}
