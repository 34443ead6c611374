import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository, type EntityManager } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { AppException } from '../common/errors/app.exception.js';
import { decodeCursor, toPage, type Page, type PageQueryDto } from '../common/pagination/page.js';
import { AppConfig } from '../config/app-config.js';
import { assertCanAuthor, scopeToReadableCourses } from './course-access.js';
import { CoursesService } from './courses.service.js';
import {
  toDocumentDto,
  toSectionTree,
  toVersionDto,
  type CreateDocumentFieldsDto,
  type DocumentDto,
  type DocumentUploadFieldsDto,
  type DocumentVersionDto,
  type SectionDto,
  type SectionTreeDto,
  type UploadResultDto,
} from './dto/document.dto.js';
import { DocumentSectionEntity } from './entities/document-section.entity.js';
import { DocumentVersionEntity } from './entities/document-version.entity.js';
import { DocumentEntity } from './entities/document.entity.js';
import { DocumentParseError, parseDocument, type ParsedDocument } from './parsing/index.js';

@Injectable()
export class DocumentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(DocumentEntity) private readonly documents: Repository<DocumentEntity>,
    @InjectRepository(DocumentVersionEntity) private readonly versions: Repository<DocumentVersionEntity>,
    @InjectRepository(DocumentSectionEntity) private readonly sections: Repository<DocumentSectionEntity>,
    private readonly courses: CoursesService,
    private readonly config: AppConfig,
  ) {}

  get maxBytes(): number {
    return this.config.DOCUMENT_MAX_BYTES;
  }

  async create(
    auth: AuthContext,
    courseId: string,
    fields: CreateDocumentFieldsDto,
    content: Uint8Array | string,
  ): Promise<DocumentDto & { version: UploadResultDto }> {
    const course = await this.courses.findReadable(auth, courseId);
    assertCanAuthor(auth, course.organizationId);
    const parsed = this.parse(content, fields);
    return this.dataSource.transaction(async (manager) => {
      const document = await manager.getRepository(DocumentEntity).save(
        manager.getRepository(DocumentEntity).create({
          courseId: course.id,
          organizationId: course.organizationId,
          title: fields.title,
          language: parsed.language,
        }),
      );
      const version = await this.storeVersion(manager, document, parsed, content, auth.userId);
      return { ...toDocumentDto(document), version: { ...toVersionDto(version), created: true } };
    });
  }

  /** Stores a new version unless the content equals the latest one. */
  async upload(auth: AuthContext, documentId: string, fields: DocumentUploadFieldsDto, content: Uint8Array | string): Promise<UploadResultDto> {
    const document = await this.findReadable(auth, documentId);
    assertCanAuthor(auth, document.organizationId);
    const parsed = this.parse(content, { language: fields.language ?? document.language, format: fields.format });
    return this.dataSource.transaction(async (manager) => {
      const locked = await manager.getRepository(DocumentEntity).findOne({ where: { id: document.id }, lock: { mode: 'pessimistic_write' } });
      if (!locked) throw AppException.notFound('Document', documentId);
      const latest = await manager.getRepository(DocumentVersionEntity).findOneBy({ documentId: locked.id, version: locked.latestVersion });
      if (latest && latest.contentHash === parsed.contentHash) return { ...toVersionDto(latest), created: false };
      const version = await this.storeVersion(manager, locked, parsed, content, auth.userId);
      return { ...toVersionDto(version), created: true };
    });
  }

  async listForCourse(auth: AuthContext, courseId: string, query: PageQueryDto): Promise<Page<DocumentDto>> {
    const course = await this.courses.findReadable(auth, courseId);
    const position = decodeCursor(query.cursor, 'timestamp');
    const qb = this.documents
      .createQueryBuilder('d')
      .where('d.course_id = :courseId', { courseId: course.id })
      .orderBy('d.created_at', 'ASC')
      .addOrderBy('d.id', 'ASC');
    if (position) qb.andWhere('(d.created_at, d.id) > (:sort, :id)', position);
    const rows = await qb.take(query.limit + 1).getMany();
    return toPage(rows, query.limit, (d) => ({ sort: d.createdAt.toISOString(), id: d.id }), toDocumentDto);
  }

  async get(auth: AuthContext, id: string): Promise<DocumentDto> {
    return toDocumentDto(await this.findReadable(auth, id));
  }

  async listVersions(auth: AuthContext, id: string, query: PageQueryDto): Promise<Page<DocumentVersionDto>> {
    const document = await this.findReadable(auth, id);
    const position = decodeCursor(query.cursor, 'integer');
    const qb = this.versions
      .createQueryBuilder('v')
      .where('v.document_id = :id', { id: document.id })
      .orderBy('v.version', 'DESC');
    if (position) qb.andWhere('v.version < :sort', { sort: Number(position.sort) });
    const rows = await qb.take(query.limit + 1).getMany();
    return toPage(rows, query.limit, (v) => ({ sort: String(v.version), id: v.id }), toVersionDto);
  }

  async sectionTree(auth: AuthContext, id: string, versionNumber?: number): Promise<SectionTreeDto> {
    const { document, version } = await this.resolveVersion(auth, id, versionNumber);
    const sections = await this.sections.find({ where: { versionId: version.id }, order: { documentIndex: 'ASC' } });
    return { documentId: document.id, version: version.version, language: version.language, sections: toSectionTree(sections) };
  }

  async section(auth: AuthContext, id: string, key: string, versionNumber?: number): Promise<SectionDto> {
    const { version } = await this.resolveVersion(auth, id, versionNumber);
    const section = await this.sections.findOneBy({ versionId: version.id, key });
    if (!section) throw AppException.notFound('Section', key);
    const children = await this.sections.find({ where: { versionId: version.id, parentKey: key }, order: { documentIndex: 'ASC' } });
    return {
      key: section.key,
      language: version.language,
      title: section.title,
      level: section.level,
      parentKey: section.parentKey,
      order: section.siblingOrder,
      body: section.body,
      text: section.text,
      version: version.version,
      childKeys: children.map((child) => child.key),
    };
  }

  /** The sections of a document version, for the question generators. */
  async sectionsOf(auth: AuthContext, id: string, versionNumber?: number) {
    const { document, version } = await this.resolveVersion(auth, id, versionNumber);
    const sections = await this.sections.find({ where: { versionId: version.id }, order: { documentIndex: 'ASC' } });
    return { document, version, sections };
  }

  /**
   * Section titles of a course in one language (latest version of its first document in
   * that language), for quiz titles and links. The caller has checked access to the course.
   */
  async sectionIndex(courseId: string, language: string): Promise<{ documentId: string; titles: Map<string, string> } | null> {
    const document = await this.documents.findOne({ where: { courseId, language: language as DocumentEntity['language'] }, order: { createdAt: 'ASC' } });
    if (!document || document.latestVersion === 0) return null;
    const rows: Array<{ key: string; title: string }> = await this.sections.query(
      `SELECT s.key, s.title FROM document_sections s JOIN document_versions v ON v.id = s.version_id
        WHERE v.document_id = $1 AND v.version = $2`,
      [document.id, document.latestVersion],
    );
    return { documentId: document.id, titles: new Map(rows.map((row) => [row.key, row.title])) };
  }

  async findReadable(auth: AuthContext, id: string): Promise<DocumentEntity> {
    const document = await scopeToReadableCourses(this.documents.createQueryBuilder('d'), 'd', auth)
      .andWhere('d.id = :id', { id })
      .getOne();
    if (!document) throw AppException.notFound('Document', id);
    return document;
  }

  private async resolveVersion(auth: AuthContext, id: string, versionNumber?: number) {
    const document = await this.findReadable(auth, id);
    const version = await this.versions.findOneBy({ documentId: document.id, version: versionNumber ?? document.latestVersion });
    if (!version) throw AppException.notFound('Version', String(versionNumber ?? document.latestVersion));
    return { document, version };
  }

  private parse(content: Uint8Array | string, fields: DocumentUploadFieldsDto): ParsedDocument {
    try {
      return parseDocument(content, { language: fields.language, format: fields.format, maxBytes: this.maxBytes });
    } catch (error) {
      if (error instanceof DocumentParseError) {
        throw new AppException(error.code === 'TOO_LARGE' ? 'payload-too-large' : 'unprocessable-content', error.message, {
          reason: error.code,
        });
      }
      throw error;
    }
  }

  private async storeVersion(
    manager: EntityManager,
    document: DocumentEntity,
    parsed: ParsedDocument,
    content: Uint8Array | string,
    userId: string | null,
  ): Promise<DocumentVersionEntity> {
    const number = document.latestVersion + 1;
    const source = typeof content === 'string' ? content : Buffer.from(content).toString('utf8');
    const version = await manager.getRepository(DocumentVersionEntity).save(
      manager.getRepository(DocumentVersionEntity).create({
        documentId: document.id,
        version: number,
        contentHash: parsed.contentHash,
        format: parsed.format,
        language: parsed.language,
        keySource: parsed.keySource,
        source,
        sizeBytes: Buffer.byteLength(source, 'utf8'),
        sectionCount: parsed.sections.length,
        createdById: userId,
      }),
    );
    await manager.getRepository(DocumentSectionEntity).insert(
      parsed.sections.map((section) => ({
        versionId: version.id,
        key: section.key,
        title: section.title,
        level: section.level,
        parentKey: section.parentKey,
        siblingOrder: section.order,
        documentIndex: section.index,
        body: section.body,
        text: section.text,
      })),
    );
    await manager.getRepository(DocumentEntity).update({ id: document.id }, { latestVersion: number });
    document.latestVersion = number;
    return version;
  }
}
