import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Matches, ValidateNested } from 'class-validator';
import type { CourseEntity } from '../entities/course.entity.js';
import { LocalizedTextDto } from './localized-text.dto.js';

export class CreateCourseDto {
  @ApiProperty({ example: 'kubernetes-fundamentals' })
  @IsString()
  @Matches(/^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$/, { message: 'slug must be lower-case letters, digits and dashes' })
  slug: string;

  @ApiProperty({ type: LocalizedTextDto })
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  title: LocalizedTextDto;

  @ApiPropertyOptional({ type: LocalizedTextDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  description?: LocalizedTextDto;

  @ApiPropertyOptional({ description: 'Platform course readable by every organization (platform admins only)', default: false })
  @IsOptional()
  @IsBoolean()
  platform?: boolean;
}

export class CourseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null for platform courses' })
  organizationId: string | null;

  @ApiProperty({ example: 'kubernetes-fundamentals' })
  slug: string;

  @ApiProperty({ type: LocalizedTextDto })
  title: LocalizedTextDto;

  @ApiProperty({ type: LocalizedTextDto })
  description: LocalizedTextDto;

  @ApiProperty()
  createdAt: string;
}

export class CoursePageDto {
  @ApiProperty({ type: [CourseDto] })
  items: CourseDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export function toCourseDto(course: CourseEntity): CourseDto {
  return {
    id: course.id,
    organizationId: course.organizationId,
    slug: course.slug,
    title: course.title,
    description: course.description,
    createdAt: course.createdAt.toISOString(),
  };
}
