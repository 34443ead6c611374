import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { MAX_INT32 } from '../../common/validation/bounds.js';
import type { DocumentEntity } from '../entities/document.entity.js';
import type { DocumentSectionEntity } from '../entities/document-section.entity.js';
import type { DocumentVersionEntity } from '../entities/document-version.entity.js';
import type { DocumentFormat, DocumentLanguage, KeySource } from '../parsing/types.js';

const FORMATS = ['markdown', 'text'] as const;
const LANGUAGES = ['zh', 'en'] as const;

/** Upload fields; `text` comes from the JSON body or from the multipart `file` part. */
export class DocumentUploadFieldsDto {
  @ApiPropertyOptional({ enum: LANGUAGES, description: 'Detected from the text when omitted' })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: DocumentLanguage;

  @ApiPropertyOptional({ enum: FORMATS, description: 'Markdown is recognised by its headings when omitted' })
  @IsOptional()
  @IsIn(FORMATS)
  format?: DocumentFormat;
}

export class UploadVersionDto extends DocumentUploadFieldsDto {
  @ApiProperty({ description: 'The document text (UTF-8). Or send multipart/form-data with a `file` part.', example: '# 1 什么是 Kubernetes\n…' })
  @IsString()
  @Length(1, 10_000_000)
  text: string;
}

export class CreateDocumentFieldsDto extends DocumentUploadFieldsDto {
  @ApiProperty({ example: 'Kubernetes 基础（中文）' })
  @IsString()
  @Length(1, 300)
  title: string;
}

export class CreateDocumentDto extends UploadVersionDto {
  @ApiProperty({ example: 'Kubernetes 基础（中文）' })
  @IsString()
  @Length(1, 300)
  title: string;
}

export class VersionQueryDto {
  @ApiPropertyOptional({ description: 'Version number; the latest when omitted', example: 1, minimum: 1, maximum: MAX_INT32 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_INT32)
  version?: number;
}

export class DocumentVersionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 2 })
  version: number;

  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' })
  contentHash: string;

  @ApiProperty({ enum: FORMATS })
  format: DocumentFormat;

  @ApiProperty({ enum: LANGUAGES })
  language: DocumentLanguage;

  @ApiProperty({ enum: ['explicit', 'positional'], description: 'Whether keys came from the headings’ own numbers' })
  keySource: KeySource;

  @ApiProperty({ example: 28 })
  sectionCount: number;

  @ApiProperty({ example: 18234 })
  sizeBytes: number;

  @ApiProperty()
  createdAt: string;
}

export class UploadResultDto extends DocumentVersionDto {
  @ApiProperty({ description: 'False when the content equals the latest version, which is returned instead' })
  created: boolean;
}

export class DocumentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  courseId: string;

  @ApiProperty({ example: 'Kubernetes 基础（中文）' })
  title: string;

  @ApiProperty({ enum: LANGUAGES })
  language: DocumentLanguage;

  @ApiProperty({ example: 1 })
  latestVersion: number;

  @ApiProperty()
  createdAt: string;
}

export class DocumentPageDto {
  @ApiProperty({ type: [DocumentDto] })
  items: DocumentDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export class VersionPageDto {
  @ApiProperty({ type: [DocumentVersionDto] })
  items: DocumentVersionDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export class SectionNodeDto {
  @ApiProperty({ example: '3.1' })
  key: string;

  @ApiProperty({ example: 'Master 组件' })
  title: string;

  @ApiProperty({ example: 2 })
  level: number;

  @ApiProperty({ example: 1 })
  order: number;

  @ApiProperty({ type: () => [SectionNodeDto] })
  children: SectionNodeDto[];
}

export class SectionTreeDto {
  @ApiProperty({ format: 'uuid' })
  documentId: string;

  @ApiProperty({ example: 1 })
  version: number;

  @ApiProperty({ enum: LANGUAGES })
  language: DocumentLanguage;

  @ApiProperty({ type: [SectionNodeDto] })
  sections: SectionNodeDto[];
}

export class SectionDto {
  @ApiProperty({ example: '3.1' })
  key: string;

  @ApiProperty({ enum: ['zh', 'en'], description: 'The language of the document version; also sent as Content-Language' })
  language: DocumentLanguage;

  @ApiProperty({ example: 'Master 组件' })
  title: string;

  @ApiProperty({ example: 2 })
  level: number;

  @ApiProperty({ nullable: true, type: String, example: '3' })
  parentKey: string | null;

  @ApiProperty({ example: 1 })
  order: number;

  @ApiProperty({ description: 'The section’s own content in the source format' })
  body: string;

  @ApiProperty({ description: 'The content as plain text, one block per line' })
  text: string;

  @ApiProperty({ example: 1 })
  version: number;

  @ApiProperty({ type: [String], example: ['3.1.1', '3.1.2'] })
  childKeys: string[];
}

export function toDocumentDto(document: DocumentEntity): DocumentDto {
  return {
    id: document.id,
    courseId: document.courseId,
    title: document.title,
    language: document.language,
    latestVersion: document.latestVersion,
    createdAt: document.createdAt.toISOString(),
  };
}

export function toVersionDto(version: DocumentVersionEntity): DocumentVersionDto {
  return {
    id: version.id,
    version: version.version,
    contentHash: version.contentHash,
    format: version.format,
    language: version.language,
    keySource: version.keySource,
    sectionCount: version.sectionCount,
    sizeBytes: version.sizeBytes,
    createdAt: version.createdAt.toISOString(),
  };
}

export function toSectionTree(sections: DocumentSectionEntity[]): SectionNodeDto[] {
  const nodes = new Map<string, SectionNodeDto>();
  const roots: SectionNodeDto[] = [];
  for (const section of [...sections].sort((a, b) => a.documentIndex - b.documentIndex)) {
    const node: SectionNodeDto = { key: section.key, title: section.title, level: section.level, order: section.siblingOrder, children: [] };
    nodes.set(section.key, node);
    const parent = section.parentKey ? nodes.get(section.parentKey) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
