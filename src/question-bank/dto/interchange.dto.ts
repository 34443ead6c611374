import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';
import { LANGUAGES, type Language } from '../model/question-types.js';

export const EXPORT_FORMATS = ['gift', 'moodle-xml', 'qti'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export class ExportQueryDto {
  @ApiProperty({ enum: EXPORT_FORMATS, description: 'GIFT text, Moodle XML, or a QTI 2.1 IMS content package (zip)' })
  @IsIn(EXPORT_FORMATS)
  format: ExportFormat;

  @ApiPropertyOptional({ example: '3.1', description: 'Only this section and its subsections' })
  @IsOptional()
  @Matches(/^\d{1,3}(\.\d{1,3}){0,5}$/)
  section?: string;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;
}

export class ImportQueryDto {
  @ApiPropertyOptional({ description: 'Parse and report without saving', default: false })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  dryRun?: boolean;

  @ApiPropertyOptional({ enum: LANGUAGES, description: 'Language of questions that carry no kubequiz metadata' })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;
}

export class LineProblemDto {
  @ApiProperty({ example: 12 })
  line: number;

  @ApiProperty({ example: 'numerical questions are not supported' })
  message: string;
}

export class ImportResultDto {
  @ApiProperty({ example: 24, description: 'Questions read (saved as drafts unless dryRun)' })
  imported: number;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Ids of the saved drafts' })
  questionIds: string[];

  @ApiProperty({ type: [LineProblemDto] })
  errors: LineProblemDto[];

  @ApiProperty({ type: [LineProblemDto] })
  warnings: LineProblemDto[];
}
