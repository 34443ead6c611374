import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth } from '../auth/decorators/auth.decorator.js';
import { Authenticated } from '../auth/decorators/authenticated.decorator.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { PositionParamPipe } from '../common/validation/position-param.pipe.js';
import { UuidParamPipe } from '../common/validation/uuid-param.pipe.js';
import { AttemptSubmission } from './attempt-submission.js';
import { AttemptsService } from './attempts.service.js';
import { AttemptDto, SaveAnswerDto, SavedAnswerDto } from './dto/attempt.dto.js';
import { AttemptResultDto } from './dto/attempt-result.dto.js';

const IDEMPOTENCY_HEADER = { name: 'Idempotency-Key', required: false, description: 'Retries with the same key return the first answer' };

@ApiTags('attempts')
@Controller('v1')
export class AttemptsController {
  constructor(
    private readonly attempts: AttemptsService,
    private readonly submission: AttemptSubmission,
  ) {}

  @Post('exams/:examId/attempts')
  @Authenticated({ roles: ['candidate'] })
  @ApiOperation({
    summary: 'Start an attempt: draws the form and sets the deadline by the server clock',
    description: 'If an attempt is already in progress it is returned (200) instead of a new one.',
  })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiCreatedResponse({ type: AttemptDto })
  @ApiOkResponse({ type: AttemptDto, description: 'The attempt already in progress, or a replay' })
  @ApiProblems(403, 404, 409, 422)
  async start(
    @Auth() auth: AuthContext,
    @Param('examId', UuidParamPipe) examId: string,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AttemptDto> {
    const result = await this.attempts.start(auth, examId, key);
    reply.status(result.statusCode);
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return result.body;
  }

  @Get('attempts/:attemptId')
  @Authenticated({ roles: ['candidate', 'owner', 'examiner'], scopes: ['results:read'] })
  @ApiOperation({ summary: 'The form without keys, time left and saved answers' })
  @ApiOkResponse({ type: AttemptDto })
  @ApiProblems(404)
  get(@Auth() auth: AuthContext, @Param('attemptId', UuidParamPipe) id: string) {
    return this.attempts.get(auth, id);
  }

  @Put('attempts/:attemptId/answers/:position')
  @Authenticated({ roles: ['candidate'] })
  @ApiOperation({
    summary: 'Autosave one answer (durable before 200)',
    description: 'Send the answerVersion you last saw; a stale one gets 409 with the current version. After the deadline or submission: 409, nothing changes.',
  })
  @ApiOkResponse({ type: SavedAnswerDto })
  @ApiProblems(403, 404, 409, 422)
  save(
    @Auth() auth: AuthContext,
    @Param('attemptId', UuidParamPipe) id: string,
    @Param('position', PositionParamPipe) position: number,
    @Body() dto: SaveAnswerDto,
  ) {
    return this.attempts.saveAnswer(auth, id, position, dto);
  }

  @Post('attempts/:attemptId/submit')
  @HttpCode(200)
  @Authenticated({ roles: ['candidate'] })
  @ApiOperation({ summary: 'Submit and grade (idempotent: a second submit returns the same result)' })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOkResponse({ type: AttemptResultDto })
  @ApiProblems(403, 404)
  submit(@Auth() auth: AuthContext, @Param('attemptId', UuidParamPipe) id: string) {
    return this.submission.submitByCandidate(auth, id);
  }

  @Get('attempts/:attemptId/result')
  @Authenticated({ roles: ['candidate', 'owner', 'examiner'], scopes: ['results:read'] })
  @ApiOperation({ summary: "The result, as much as the exam's review policy allows" })
  @ApiOkResponse({ type: AttemptResultDto })
  @ApiProblems(404, 409)
  result(@Auth() auth: AuthContext, @Param('attemptId', UuidParamPipe) id: string) {
    return this.submission.result(auth, id);
  }
}
