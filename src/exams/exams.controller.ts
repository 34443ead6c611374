import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth } from '../auth/decorators/auth.decorator.js';
import { Authenticated, type AuthRequirements } from '../auth/decorators/authenticated.decorator.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { PageQueryDto } from '../common/pagination/page.js';
import { UuidParamPipe } from '../common/validation/uuid-param.pipe.js';
import { BlueprintDto, CreateExamDto } from './dto/blueprint.dto.js';
import { EnrollDto, EnrollmentPageDto, EnrollResultDto, ExamDto, ExamPageDto, PublishedExamDto } from './dto/exam.dto.js';
import { ExamsService } from './exams.service.js';

const EXAM_STAFF: AuthRequirements = { roles: ['owner', 'author', 'examiner'] };
const ENROLLERS: AuthRequirements = { roles: ['owner', 'examiner'], scopes: ['enrollments:write'] };

@ApiTags('exams')
@Controller('v1/exams')
export class ExamsController {
  constructor(private readonly exams: ExamsService) {}

  @Post()
  @Authenticated(EXAM_STAFF)
  @ApiOperation({ summary: 'Create an exam blueprint (draft)' })
  @ApiCreatedResponse({ type: ExamDto })
  @ApiProblems(403, 404, 422)
  create(@Auth() auth: AuthContext, @Body() dto: CreateExamDto) {
    return this.exams.create(auth, dto);
  }

  @Get()
  @Authenticated({ ...EXAM_STAFF, scopes: ['exams:read'] })
  @ApiOperation({ summary: "List the organization's exams" })
  @ApiOkResponse({ type: ExamPageDto })
  @ApiProblems(422)
  list(@Auth() auth: AuthContext, @Query() query: PageQueryDto) {
    return this.exams.list(auth, query);
  }

  @Get(':examId')
  @Authenticated({ ...EXAM_STAFF, scopes: ['exams:read'] })
  @ApiOperation({ summary: 'Get an exam with its draft blueprint' })
  @ApiOkResponse({ type: ExamDto })
  @ApiProblems(404)
  get(@Auth() auth: AuthContext, @Param('examId', UuidParamPipe) id: string) {
    return this.exams.get(auth, id);
  }

  @Put(':examId')
  @Authenticated(EXAM_STAFF)
  @ApiOperation({ summary: 'Replace the draft blueprint (published versions and running attempts are untouched)' })
  @ApiOkResponse({ type: ExamDto })
  @ApiProblems(404, 422)
  update(@Auth() auth: AuthContext, @Param('examId', UuidParamPipe) id: string, @Body() dto: BlueprintDto) {
    return this.exams.update(auth, id, dto);
  }

  @Post(':examId/publish')
  @HttpCode(200)
  @Authenticated(EXAM_STAFF)
  @ApiOperation({ summary: 'Freeze the draft as a new published version', description: '422 lists every draw the bank cannot supply and names the short sections in `detail`; a high-stakes exam counts exam-only questions only.' })
  @ApiOkResponse({ type: PublishedExamDto })
  @ApiProblems(404, 422)
  publish(@Auth() auth: AuthContext, @Param('examId', UuidParamPipe) id: string) {
    return this.exams.publish(auth, id);
  }

  @Post(':examId/enrollments')
  @HttpCode(200)
  @Authenticated(ENROLLERS)
  @ApiOperation({ summary: 'Enroll candidates by user id or LMS external id (idempotent)' })
  @ApiOkResponse({ type: EnrollResultDto })
  @ApiProblems(404, 422)
  enroll(@Auth() auth: AuthContext, @Param('examId', UuidParamPipe) id: string, @Body() dto: EnrollDto) {
    return this.exams.enroll(auth, id, dto);
  }

  @Get(':examId/enrollments')
  @Authenticated({ ...EXAM_STAFF, scopes: ['enrollments:write', 'exams:read'] })
  @ApiOperation({ summary: 'List enrolled candidates' })
  @ApiOkResponse({ type: EnrollmentPageDto })
  @ApiProblems(404, 422)
  enrollments(@Auth() auth: AuthContext, @Param('examId', UuidParamPipe) id: string, @Query() query: PageQueryDto) {
    return this.exams.listEnrollments(auth, id, query);
  }
}
