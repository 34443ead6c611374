import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth } from '../auth/decorators/auth.decorator.js';
import { Authenticated } from '../auth/decorators/authenticated.decorator.js';
import { NegotiatedLanguage } from '../common/i18n/content-language.js';
import type { ContentLanguage } from '../common/i18n/pick-language.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { UuidParamPipe } from '../common/validation/uuid-param.pipe.js';
import { CreatedLabSessionDto, LabSessionDto, LabTaskDto, LabTaskSummaryDto, LangQueryDto, ValidationResultDto } from './dto/lab.dto.js';
import { LabSessionsService } from './lab-sessions.service.js';
import { TaskIdPipe } from './task-id.pipe.js';
import { TaskCatalog } from './task-catalog.js';

@ApiTags('labs')
@Controller('v1/labs')
export class LabsController {
  constructor(
    private readonly catalog: TaskCatalog,
    private readonly sessions: LabSessionsService,
  ) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'Hands-on tasks' })
  @ApiOkResponse({ type: [LabTaskSummaryDto] })
  async list(@Auth() auth: AuthContext, @Query() _query: LangQueryDto, @NegotiatedLanguage() lang: ContentLanguage): Promise<LabTaskSummaryDto[]> {
    return (await this.catalog.all(auth.organizationId)).map((task) => ({ id: task.id, title: task.title[lang], sections: task.sections, timeLimitMinutes: task.timeLimitMinutes, checks: task.checks.length }));
  }

  @Get(':taskId')
  @Authenticated()
  @ApiOperation({ summary: 'A task with its instructions' })
  @ApiOkResponse({ type: LabTaskDto })
  @ApiProblems(404)
  async get(@Auth() auth: AuthContext, @Param('taskId', TaskIdPipe) taskId: string, @Query() _query: LangQueryDto, @NegotiatedLanguage() lang: ContentLanguage): Promise<LabTaskDto> {
    const task = await this.catalog.resolve(taskId, auth.organizationId);
    return { id: task.id, title: task.title[lang], sections: task.sections, timeLimitMinutes: task.timeLimitMinutes, checks: task.checks.length, instructions: task.instructions[lang] };
  }

  @Post()
  @Authenticated({ roles: ['owner', 'author'] })
  @ApiOperation({
    summary: 'Write a lab task for your organization (same format as seeds/labs, as JSON)',
    description:
      'Manifests (setup, solutions) may hold only namespaced kinds of an allow-list (Pod, Deployment, Service, ConfigMap, Secret, Role, RoleBinding…), ' +
      "name no namespace, and grant nothing beyond the candidate's own namespace; checks may read only namespaced kinds. " +
      'Anything else is 422 with every offending path in errors[], e.g. `setup[1].kind`.',
  })
  @ApiBody({ schema: { type: 'object', description: 'A task definition: id, title, instructions, sections, timeLimitMinutes, setup, solution, wrongSolution, checks' } })
  @ApiCreatedResponse({ type: LabTaskDto })
  @ApiProblems(403, 409, 422)
  async create(@Auth() auth: AuthContext, @Body() body: unknown): Promise<LabTaskDto> {
    const { task } = await this.catalog.save(auth, body);
    return { id: task.id, title: task.title.en, sections: task.sections, timeLimitMinutes: task.timeLimitMinutes, checks: task.checks.length, instructions: task.instructions.en };
  }

  @Put(':taskId')
  @Authenticated({ roles: ['owner', 'author'] })
  @ApiOperation({ summary: "Replace one of your organization's lab tasks" })
  @ApiBody({ schema: { type: 'object', description: 'The whole task definition, as for POST /v1/labs; its id must equal the one in the path' } })
  @ApiOkResponse({ type: LabTaskDto })
  @ApiProblems(403, 404, 409, 422)
  async replace(@Auth() auth: AuthContext, @Param('taskId', TaskIdPipe) taskId: string, @Body() body: unknown): Promise<LabTaskDto> {
    const { task } = await this.catalog.save(auth, body, taskId);
    return { id: task.id, title: task.title.en, sections: task.sections, timeLimitMinutes: task.timeLimitMinutes, checks: task.checks.length, instructions: task.instructions.en };
  }

  @Delete(':taskId')
  @HttpCode(204)
  @Authenticated({ roles: ['owner', 'author'] })
  @ApiOperation({ summary: "Delete one of your organization's lab tasks" })
  @ApiNoContentResponse()
  @ApiProblems(403, 404)
  async deleteTask(@Auth() auth: AuthContext, @Param('taskId', TaskIdPipe) taskId: string): Promise<void> {
    await this.catalog.remove(auth, taskId);
  }

  @Post(':taskId/sessions')
  @Authenticated()
  @ApiOperation({
    summary: 'Start a practice session: a namespace of your own, set up for the task, and a kubeconfig limited to it',
    description:
      'At most LAB_MAX_SESSIONS_PER_CANDIDATE at once (409); 503 with Retry-After when every cluster is full or unreachable; ' +
      "422 when the task's manifests break the lab policy (checked again here) or the cluster refuses its setup.",
  })
  @ApiCreatedResponse({ type: CreatedLabSessionDto })
  @ApiProblems(404, 409, 422, 502, 503)
  start(@Auth() auth: AuthContext, @Param('taskId', TaskIdPipe) taskId: string, @Query() _query: LangQueryDto, @NegotiatedLanguage() lang: ContentLanguage) {
    return this.sessions.start(auth, taskId, lang);
  }

  @Get(':taskId/sessions/:sessionId')
  @Authenticated()
  @ApiOperation({ summary: 'A session’s status' })
  @ApiOkResponse({ type: LabSessionDto })
  @ApiProblems(404)
  session(
    @Auth() auth: AuthContext,
    @Param('taskId', TaskIdPipe) taskId: string,
    @Param('sessionId', UuidParamPipe) id: string,
    @Query() _query: LangQueryDto,
    @NegotiatedLanguage() lang: ContentLanguage,
  ) {
    return this.sessions.get(auth, taskId, id, lang);
  }

  @Post(':taskId/sessions/:sessionId/validate')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Check the cluster: each check passed or not, with what was found, a hint and the course section' })
  @ApiOkResponse({ type: ValidationResultDto })
  @ApiProblems(404, 410, 502, 503)
  validate(
    @Auth() auth: AuthContext,
    @Param('taskId', TaskIdPipe) taskId: string,
    @Param('sessionId', UuidParamPipe) id: string,
    @Query() _query: LangQueryDto,
    @NegotiatedLanguage() lang: ContentLanguage,
  ) {
    return this.sessions.validate(auth, taskId, id, lang);
  }

  @Delete(':taskId/sessions/:sessionId')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({ summary: 'End a session and delete its namespace' })
  @ApiNoContentResponse()
  @ApiProblems(404)
  async remove(@Auth() auth: AuthContext, @Param('taskId', TaskIdPipe) taskId: string, @Param('sessionId', UuidParamPipe) id: string): Promise<void> {
    await this.sessions.remove(auth, taskId, id);
  }
}
