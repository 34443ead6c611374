import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth } from '../auth/decorators/auth.decorator.js';
import { Authenticated } from '../auth/decorators/authenticated.decorator.js';
import { announceContentLanguage } from '../common/i18n/content-language.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { PageQueryDto } from '../common/pagination/page.js';
import { UuidParamPipe } from '../common/validation/uuid-param.pipe.js';
import { readDocumentUpload } from './document-upload.js';
import { SectionKeyPipe } from './section-key.pipe.js';
import { DocumentsService } from './documents.service.js';
import {
  CreateDocumentDto,
  CreateDocumentFieldsDto,
  DocumentDto,
  DocumentPageDto,
  DocumentUploadFieldsDto,
  SectionDto,
  SectionTreeDto,
  UploadResultDto,
  UploadVersionDto,
  VersionPageDto,
  VersionQueryDto,
} from './dto/document.dto.js';

function uploadBody(jsonType: new () => object, description: string) {
  const multipart = { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] };
  return ApiBody({
    description,
    schema: { oneOf: [{ $ref: getSchemaPath(jsonType) }, multipart] },
  });
}

@ApiTags('documents')
@ApiExtraModels(CreateDocumentDto, UploadVersionDto)
@Controller('v1')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Post('courses/:courseId/documents')
  @Authenticated({ roles: ['owner', 'author'], platformAdmin: true })
  @ApiOperation({ summary: 'Add a document to a course (Markdown or plain text, zh or en); becomes version 1' })
  @ApiConsumes('application/json', 'multipart/form-data')
  @uploadBody(CreateDocumentDto, 'JSON with `text`, or multipart with a `file` part and `title`, `language`, `format` fields')
  @ApiCreatedResponse({ type: DocumentDto })
  @ApiProblems(403, 404, 413, 415, 422)
  async create(@Auth() auth: AuthContext, @Param('courseId', UuidParamPipe) courseId: string, @Req() request: FastifyRequest) {
    const upload = await readDocumentUpload(request, CreateDocumentFieldsDto, this.documents.maxBytes);
    return this.documents.create(auth, courseId, upload.fields, upload.content);
  }

  @Get('courses/:courseId/documents')
  @Authenticated()
  @ApiOperation({ summary: "List a course's documents" })
  @ApiOkResponse({ type: DocumentPageDto })
  @ApiProblems(404, 422)
  list(@Auth() auth: AuthContext, @Param('courseId', UuidParamPipe) courseId: string, @Query() query: PageQueryDto) {
    return this.documents.listForCourse(auth, courseId, query);
  }

  @Get('documents/:documentId')
  @Authenticated()
  @ApiOperation({ summary: 'Get a document' })
  @ApiOkResponse({ type: DocumentDto })
  @ApiProblems(404)
  get(@Auth() auth: AuthContext, @Param('documentId', UuidParamPipe) id: string) {
    return this.documents.get(auth, id);
  }

  @Post('documents/:documentId/versions')
  @Authenticated({ roles: ['owner', 'author'], platformAdmin: true })
  @ApiOperation({
    summary: 'Upload a new version',
    description: 'Stored only when the content differs from the latest version: 201 with the new version, else 200 with the latest.',
  })
  @ApiConsumes('application/json', 'multipart/form-data')
  @uploadBody(UploadVersionDto, 'JSON with `text`, or multipart with a `file` part')
  @ApiCreatedResponse({ type: UploadResultDto })
  @ApiOkResponse({ type: UploadResultDto, description: 'Unchanged content: the latest version' })
  @ApiProblems(403, 404, 413, 415, 422)
  async upload(
    @Auth() auth: AuthContext,
    @Param('documentId', UuidParamPipe) id: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UploadResultDto> {
    const upload = await readDocumentUpload(request, DocumentUploadFieldsDto, this.documents.maxBytes);
    const result = await this.documents.upload(auth, id, upload.fields, upload.content);
    reply.status(result.created ? 201 : 200);
    return result;
  }

  @Get('documents/:documentId/versions')
  @Authenticated()
  @ApiOperation({ summary: 'List versions, newest first' })
  @ApiOkResponse({ type: VersionPageDto })
  @ApiProblems(404, 422)
  versions(@Auth() auth: AuthContext, @Param('documentId', UuidParamPipe) id: string, @Query() query: PageQueryDto) {
    return this.documents.listVersions(auth, id, query);
  }

  @Get('documents/:documentId/sections')
  @Authenticated()
  @ApiOperation({ summary: 'The section tree of a version (latest by default)' })
  @ApiOkResponse({ type: SectionTreeDto })
  @ApiProblems(404, 422)
  async tree(
    @Auth() auth: AuthContext,
    @Param('documentId', UuidParamPipe) id: string,
    @Query() query: VersionQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SectionTreeDto> {
    const tree = await this.documents.sectionTree(auth, id, query.version);
    announceContentLanguage(reply, tree.language, false);
    return tree;
  }

  @Get('documents/:documentId/sections/:key')
  @Authenticated()
  @ApiOperation({ summary: 'One section with its text' })
  @ApiOkResponse({ type: SectionDto })
  @ApiProblems(404, 422)
  async section(
    @Auth() auth: AuthContext,
    @Param('documentId', UuidParamPipe) id: string,
    @Param('key', SectionKeyPipe) key: string,
    @Query() query: VersionQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SectionDto> {
    const section = await this.documents.section(auth, id, key, query.version);
    announceContentLanguage(reply, section.language, false);
    return section;
  }
}
