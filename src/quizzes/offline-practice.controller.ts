import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth } from '../auth/decorators/auth.decorator.js';
import { Authenticated } from '../auth/decorators/authenticated.decorator.js';
import { sendWithEtag } from '../common/http/etag.js';
import { appendVary, NegotiatedLanguage } from '../common/i18n/content-language.js';
import type { ContentLanguage } from '../common/i18n/pick-language.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { UuidParamPipe } from '../common/validation/uuid-param.pipe.js';
import { PracticeBundleDto, PracticeBundleQueryDto, UploadPracticeResultsDto, UploadPracticeResultsResultDto } from './dto/offline-practice.dto.js';
import { OfflineResultsService } from './offline-results.service.js';
import { PracticeBundleService } from './practice-bundle.service.js';

@ApiTags('quizzes')
@Controller('v1')
export class OfflinePracticeController {
  constructor(
    private readonly bundles: PracticeBundleService,
    private readonly results: OfflineResultsService,
  ) {}

  @Get('courses/:courseId/practice-bundle')
  @Authenticated()
  @ApiOperation({
    summary: "A course's practice set for offline use: items with answer keys and explanations, in one language",
    description:
      'Practice-use items only (never exam-only ones). Revalidate with If-None-Match (304). Over OFFLINE_BUNDLE_MAX_BYTES the answer is 422 ' +
      '`offline-bundle-too-large` naming the chapters: ask for one at a time with `section`. While the caller has an exam attempt in progress ' +
      'that drew items of this course, 409 `item-in-running-attempt`.',
  })
  @ApiHeader({ name: 'If-None-Match', required: false })
  @ApiOkResponse({ type: PracticeBundleDto })
  @ApiResponse({ status: 304, description: 'Not modified' })
  @ApiProblems(404, 409, 422)
  async bundle(
    @Auth() auth: AuthContext,
    @Param('courseId', UuidParamPipe) courseId: string,
    @Query() query: PracticeBundleQueryDto,
    @NegotiatedLanguage() language: ContentLanguage,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PracticeBundleDto | undefined> {
    const bundle = await this.bundles.build(auth, courseId, language, query.section);
    appendVary(reply, 'Authorization');
    reply.header('cache-control', 'private, no-cache');
    return sendWithEtag(request, reply, bundle);
  }

  @Post('me/practice-results')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    summary: 'Upload answers given offline: graded here, kept once per clientId, counted in /v1/me/progress',
    description:
      'Safe to retry: a clientId already uploaded is reported with `recorded: false` and its first result. ' +
      'A question not practice-visible to the caller answers 404; one of a running exam attempt 409; a timestamp ahead of the server ' +
      'by more than 5 minutes or older than PRACTICE_RESULT_MAX_AGE_DAYS, or a clientId twice in one upload, 422.',
  })
  @ApiOkResponse({ type: UploadPracticeResultsResultDto })
  @ApiProblems(403, 404, 409, 422)
  upload(@Auth() auth: AuthContext, @Body() dto: UploadPracticeResultsDto) {
    return this.results.upload(auth, dto);
  }
}
