import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth } from '../auth/decorators/auth.decorator.js';
import { Authenticated } from '../auth/decorators/authenticated.decorator.js';
import { sendWithEtag } from '../common/http/etag.js';
import { announceContentLanguage, appendVary, NegotiatedLanguage } from '../common/i18n/content-language.js';
import type { ContentLanguage } from '../common/i18n/pick-language.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { UuidParamPipe } from '../common/validation/uuid-param.pipe.js';
import { CheckQuizDto, ProgressDto, QuizCheckResultDto, QuizDto, QuizListDto, QuizListQueryDto, QuizQueryDto } from './dto/quiz.dto.js';
import { QuizzesService } from './quizzes.service.js';

@ApiTags('quizzes')
@Controller('v1')
export class QuizzesController {
  constructor(private readonly quizzes: QuizzesService) {}

  @Get('courses/:courseId/quizzes')
  @Authenticated()
  @ApiOperation({ summary: 'Practice quizzes of a course: one per chapter and per section, in section order, paginated' })
  @ApiOkResponse({ type: QuizListDto })
  @ApiProblems(404, 422)
  list(
    @Auth() auth: AuthContext,
    @Param('courseId', UuidParamPipe) courseId: string,
    @Query() query: QuizListQueryDto,
    @NegotiatedLanguage() language: ContentLanguage,
  ) {
    return this.quizzes.listForCourse(auth, courseId, language, query);
  }

  @Get('quizzes/:quizId')
  @Authenticated()
  @ApiOperation({
    summary: 'A quiz for a candidate: no answer keys, shuffled by a seed',
    description: 'Send the returned `seed` back to get the same order. Supports ETag / If-None-Match (304).',
  })
  @ApiHeader({ name: 'If-None-Match', required: false })
  @ApiOkResponse({ type: QuizDto })
  @ApiResponse({ status: 304, description: 'Not modified' })
  @ApiProblems(404, 422)
  async get(
    @Auth() auth: AuthContext,
    @Param('quizId') id: string,
    @Query() query: QuizQueryDto,
    @NegotiatedLanguage() language: ContentLanguage,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<QuizDto | undefined> {
    const quiz = await this.quizzes.get(auth, id, language, query.seed);
    appendVary(reply, 'Authorization');
    reply.header('cache-control', 'private, no-cache');
    return sendWithEtag(request, reply, quiz);
  }

  @Post('quizzes/:quizId/check')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    summary: 'Check answers: instant feedback per item and a score (kept for the progress view)',
    description:
      'A question that is not in this practice quiz (unknown, another section, or exam-only) answers 404. While the caller has an exam attempt in progress, questions drawn for it (or their translations) answer 409 `item-in-running-attempt` until it is submitted.',
  })
  @ApiOkResponse({ type: QuizCheckResultDto })
  @ApiProblems(404, 409, 422)
  async check(
    @Auth() auth: AuthContext,
    @Param('quizId') id: string,
    @Body() dto: CheckQuizDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<QuizCheckResultDto> {
    const result = await this.quizzes.check(auth, id, dto);
    // The explanations are in the language the answers were given in.
    announceContentLanguage(reply, dto.language, false);
    return result;
  }

  @Get('me/progress')
  @Authenticated()
  @ApiOperation({ summary: "The caller's practice progress per course section" })
  @ApiOkResponse({ type: ProgressDto })
  @ApiProblems(401)
  progress(@Auth() auth: AuthContext) {
    return this.quizzes.progress(auth);
  }
}
