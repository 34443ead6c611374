import { Controller, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from '../auth/auth-context.js';
import { AttemptsService } from '../attempts/attempts.service.js';
import { Auth } from '../auth/decorators/auth.decorator.js';
import { Authenticated } from '../auth/decorators/authenticated.decorator.js';
import { AppException } from '../common/errors/app.exception.js';
import { NegotiatedLanguage } from '../common/i18n/content-language.js';
import type { ContentLanguage } from '../common/i18n/pick-language.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { UuidParamPipe } from '../common/validation/uuid-param.pipe.js';
import { CreatedLabSessionDto, LangQueryDto } from './dto/lab.dto.js';
import { LabSessionsService } from './lab-sessions.service.js';
import { TaskIdPipe } from './task-id.pipe.js';

/** Grace after the attempt deadline so the submission can still validate the namespace. */
const GRACE_MS = 10 * 60_000;

@ApiTags('attempts')
@Controller('v1/attempts/:attemptId/labs')
export class AttemptLabsController {
  constructor(
    private readonly attempts: AttemptsService,
    private readonly sessions: LabSessionsService,
  ) {}

  @Post(':taskId/session')
  @Authenticated({ roles: ['candidate'] })
  @ApiOperation({
    summary: 'Open the lab session of one of the attempt’s hands-on tasks',
    description: 'It lives until the attempt deadline; the task is validated at submission and counts by its weight.',
  })
  @ApiCreatedResponse({ type: CreatedLabSessionDto })
  @ApiProblems(403, 404, 409, 503)
  async open(
    @Auth() auth: AuthContext,
    @Param('attemptId', UuidParamPipe) attemptId: string,
    @Param('taskId', TaskIdPipe) taskId: string,
    @Query() _query: LangQueryDto,
    @NegotiatedLanguage() lang: ContentLanguage,
  ): Promise<CreatedLabSessionDto> {
    const attempt = await this.attempts.findVisible(auth, attemptId);
    if (attempt.userId !== auth.userId) throw new AppException('forbidden', 'Only the candidate opens lab sessions');
    if (attempt.status !== 'in-progress') throw new AppException('attempt-closed', 'The attempt was submitted');
    if (!attempt.examVersion!.blueprint.labTasks.some((task) => task.taskId === taskId)) throw AppException.notFound('Lab task of this attempt', taskId);
    const existing = await this.sessions.findForAttempt(attemptId, taskId);
    if (existing?.status === 'active') throw new AppException('conflict', 'This task’s lab session is already open', { sessionId: existing.id });
    return this.sessions.start(auth, taskId, lang, {
      attemptId,
      expiresAt: new Date(attempt.deadlineAt.getTime() + GRACE_MS),
    });
  }
}
