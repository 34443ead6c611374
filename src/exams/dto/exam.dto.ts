import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import type { Blueprint } from '../blueprint.js';
import type { ExamEntity } from '../entities/exam.entity.js';

export class ExamDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  courseId: string;

  @ApiProperty({ description: 'The editable blueprint' })
  draft: Blueprint;

  @ApiProperty({ example: 2, description: '0 until published' })
  publishedVersion: number;

  @ApiProperty()
  createdAt: string;

  @ApiProperty()
  updatedAt: string;
}

export class ExamPageDto {
  @ApiProperty({ type: [ExamDto] })
  items: ExamDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export class PublishedExamDto {
  @ApiProperty({ format: 'uuid' })
  examId: string;

  @ApiProperty({ example: 1 })
  version: number;

  @ApiProperty()
  blueprint: Blueprint;

  @ApiProperty({ example: { '3': 12, '5': 20 }, description: 'Approved questions available per drawn section' })
  available: Record<string, number>;

  @ApiProperty()
  publishedAt: string;
}

export class EnrollDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  userIds?: string[];

  @ApiPropertyOptional({ type: [String], example: ['lms-4711'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @Matches(/^[A-Za-z0-9._:@-]{1,128}$/, { each: true })
  externalIds?: string[];
}

export class EnrollResultDto {
  @ApiProperty({ example: 3 })
  enrolled: number;

  @ApiProperty({ example: 1, description: 'Already enrolled' })
  unchanged: number;

  @ApiProperty({ type: [String], description: 'Ids that are not candidates of this organization' })
  unknown: string[];
}

export class EnrollmentDto {
  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty({ nullable: true, type: String })
  externalId: string | null;

  @ApiProperty()
  displayName: string;

  @ApiProperty()
  enrolledAt: string;
}

export class EnrollmentPageDto {
  @ApiProperty({ type: [EnrollmentDto] })
  items: EnrollmentDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export function toExamDto(exam: ExamEntity): ExamDto {
  return {
    id: exam.id,
    courseId: exam.courseId,
    draft: exam.draft,
    publishedVersion: exam.publishedVersion,
    createdAt: exam.createdAt.toISOString(),
    updatedAt: exam.updatedAt.toISOString(),
  };
}

