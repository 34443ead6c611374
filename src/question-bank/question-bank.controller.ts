import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth } from '../auth/decorators/auth.decorator.js';
import { Authenticated, type AuthRequirements } from '../auth/decorators/authenticated.decorator.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { UuidParamPipe } from '../common/validation/uuid-param.pipe.js';
import {
  ApproveQuestionDto,
  BankStatsDto,
  BulkApproveDto,
  BulkApproveResultDto,
  CreateQuestionDto,
  QuestionEditDto,
  QuestionPageDto,
  QuestionQueryDto,
  QuestionWithKeyDto,
  StatsQueryDto,
} from './dto/question.dto.js';
import { QuestionBankService } from './question-bank.service.js';

const REVIEWERS: AuthRequirements = { roles: ['owner', 'author'], platformAdmin: true };
const READERS: AuthRequirements = { roles: ['owner', 'author', 'examiner'], platformAdmin: true, scopes: ['questions:read'] };

@ApiTags('question bank')
@Controller('v1/questions')
export class QuestionBankController {
  constructor(private readonly bank: QuestionBankService) {}

  @Post()
  @Authenticated(REVIEWERS)
  @ApiOperation({ summary: 'Write a question by hand (starts as draft)' })
  @ApiCreatedResponse({ type: QuestionWithKeyDto })
  @ApiProblems(403, 404, 422)
  create(@Auth() auth: AuthContext, @Body() dto: CreateQuestionDto) {
    return this.bank.create(auth, dto);
  }

  @Get()
  @Authenticated(READERS)
  @ApiOperation({ summary: 'List and filter questions with their keys (course, section, type, status, origin, language, use)' })
  @ApiOkResponse({ type: QuestionPageDto })
  @ApiProblems(422)
  list(@Auth() auth: AuthContext, @Query() query: QuestionQueryDto) {
    return this.bank.list(auth, query);
  }

  @Get('stats')
  @Authenticated(READERS)
  @ApiOperation({ summary: 'Bank statistics per section and language' })
  @ApiOkResponse({ type: BankStatsDto })
  @ApiProblems(404, 422)
  stats(@Auth() auth: AuthContext, @Query() query: StatsQueryDto) {
    return this.bank.stats(auth, query.courseId);
  }

  @Post('bulk-approve')
  @HttpCode(200)
  @Authenticated(REVIEWERS)
  @ApiOperation({ summary: 'Approve many drafts at once' })
  @ApiOkResponse({ type: BulkApproveResultDto })
  @ApiProblems(422)
  bulkApprove(@Auth() auth: AuthContext, @Body() dto: BulkApproveDto) {
    return this.bank.bulkApprove(auth, dto.ids);
  }

  @Get(':questionId')
  @Authenticated(READERS)
  @ApiOperation({ summary: 'Get a question with its current revision and key' })
  @ApiOkResponse({ type: QuestionWithKeyDto })
  @ApiProblems(404)
  get(@Auth() auth: AuthContext, @Param('questionId', UuidParamPipe) id: string) {
    return this.bank.get(auth, id);
  }

  @Put(':questionId')
  @Authenticated(REVIEWERS)
  @ApiOperation({ summary: 'Edit: writes a new revision; the question returns to draft' })
  @ApiOkResponse({ type: QuestionWithKeyDto })
  @ApiProblems(404, 409, 422)
  edit(@Auth() auth: AuthContext, @Param('questionId', UuidParamPipe) id: string, @Body() dto: QuestionEditDto) {
    return this.bank.edit(auth, id, dto);
  }

  @Post(':questionId/approve')
  @HttpCode(200)
  @Authenticated(REVIEWERS)
  @ApiOperation({
    summary: 'Approve a draft (or stale) question for quizzes and exams',
    description: 'The body is optional; `use` sets where the approved item may appear (practice, exam or both) and takes effect at once.',
  })
  @ApiBody({ type: ApproveQuestionDto, required: false })
  @ApiOkResponse({ type: QuestionWithKeyDto })
  @ApiProblems(404, 409, 422)
  approve(@Auth() auth: AuthContext, @Param('questionId', UuidParamPipe) id: string, @Body() dto: ApproveQuestionDto = {}) {
    return this.bank.setStatus(auth, id, 'approved', dto.use);
  }

  @Post(':questionId/retire')
  @HttpCode(200)
  @Authenticated(REVIEWERS)
  @ApiOperation({ summary: 'Retire a question: no new quiz or exam draws it' })
  @ApiOkResponse({ type: QuestionWithKeyDto })
  @ApiProblems(404)
  retire(@Auth() auth: AuthContext, @Param('questionId', UuidParamPipe) id: string) {
    return this.bank.setStatus(auth, id, 'retired');
  }
}
