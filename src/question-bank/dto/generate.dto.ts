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

export class SkippedSectionDto {
  @ApiProperty({ example: '3.1' })
  sectionKey: string;

  @ApiProperty({
    enum: ['analysis-failed', 'rule-failed', 'nothing-to-ask'],
    example: 'rule-failed',
    description: 'analysis-failed: the section text could not be analysed; rule-failed: one rule could not run on it (the others did); nothing-to-ask: no item passed the quality checks',
  })
  reason: string;

  @ApiPropertyOptional({ example: 'enumeration', description: 'The rule that failed, for rule-failed' })
  rule?: string;

  @ApiProperty({ example: 'Cannot read the list intro', description: 'What went wrong, for the author and for a bug report' })
  detail: string;
}

export class FlaggedSentenceDto {
  @ApiProperty({ example: '2.1' })
  sectionKey: string;

  @ApiProperty({ example: 'Creating a Pod, the kubelet calls the CNI plugin to set up its network.' })
  sentence: string;

  @ApiProperty({ example: 'kubelet-calls-cni', description: 'Id of the outdated claim in the glossary' })
  factId: string;

  @ApiProperty({ example: '1.24', description: 'Kubernetes version since which the sentence is wrong' })
  since: string;

  @ApiProperty({ example: 'Since Kubernetes 1.24 the container runtime, not the kubelet, calls the CNI plugins.', description: 'What holds now, in the document language' })
  note: string;
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

  @ApiProperty({ type: [SkippedSectionDto], description: 'Sections (or rules on them) that yielded nothing, and why; generation itself never fails on them' })
  skipped: SkippedSectionDto[];

  @ApiProperty({ type: [FlaggedSentenceDto], description: 'Sentences that contradict current Kubernetes: no item was built on them; the author should correct them' })
  flagged: FlaggedSentenceDto[];
}
