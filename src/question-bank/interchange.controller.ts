import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth } from '../auth/decorators/auth.decorator.js';
import { Authenticated } from '../auth/decorators/authenticated.decorator.js';
import { AppException } from '../common/errors/app.exception.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { UuidParamPipe } from '../common/validation/uuid-param.pipe.js';
import { ExportQueryDto, ImportQueryDto, ImportResultDto } from './dto/interchange.dto.js';
import { InterchangeService } from './interchange.service.js';

@ApiTags('question bank')
@Controller('v1/courses/:courseId/question-bank')
export class InterchangeController {
  constructor(private readonly interchange: InterchangeService) {}

  @Get('export')
  @Authenticated({ roles: ['owner', 'author', 'examiner'], platformAdmin: true, scopes: ['questions:read'] })
  @ApiOperation({
    summary: 'Export approved questions as GIFT, Moodle XML or a QTI 2.1 package (course or section)',
    description: 'Exam-only questions (`use: exam`) are never exported: an export may end up in front of candidates.',
  })
  @ApiProduces('text/plain', 'application/xml', 'application/zip')
  @ApiOkResponse({ description: 'The file, as an attachment' })
  @ApiProblems(404, 422)
  async export(
    @Auth() auth: AuthContext,
    @Param('courseId', UuidParamPipe) courseId: string,
    @Query() query: ExportQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = await this.interchange.export(auth, courseId, query.format, query.section, query.language);
    await reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .send(typeof file.body === 'string' ? file.body : Buffer.from(file.body));
  }

  @Post('import')
  @HttpCode(200)
  @Authenticated({ roles: ['owner', 'author'], platformAdmin: true })
  @ApiOperation({
    summary: 'Import GIFT (Moodle) questions as drafts',
    description: 'Send the GIFT text as text/plain. Each bad question is reported with its line number and skipped; the rest are imported.',
  })
  @ApiConsumes('text/plain')
  @ApiBody({ schema: { type: 'string', example: '::etcd role:: Which component stores cluster state? {=etcd ~kubelet ~kube-proxy ~kube-scheduler}' } })
  @ApiOkResponse({ type: ImportResultDto })
  @ApiProblems(403, 404, 413, 415, 422)
  import(@Auth() auth: AuthContext, @Param('courseId', UuidParamPipe) courseId: string, @Query() query: ImportQueryDto, @Body() body: unknown) {
    if (typeof body !== 'string') throw new AppException('unsupported-media-type', 'Send the GIFT text with Content-Type: text/plain');
    if (!body.trim()) throw new AppException('unprocessable-content', 'The GIFT text is empty');
    return this.interchange.importGift(auth, courseId, body, query);
  }
}
