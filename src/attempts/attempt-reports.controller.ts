import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth } from '../auth/decorators/auth.decorator.js';
import { Authenticated, type AuthRequirements } from '../auth/decorators/authenticated.decorator.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { UuidParamPipe } from '../common/validation/uuid-param.pipe.js';
import { AttemptReportsService } from './attempt-reports.service.js';
import { AttemptListQueryDto, AttemptPageDto, CandidateStandingDto, ItemAnalysisDto } from './dto/attempt-report.dto.js';

const REPORT_READERS: AuthRequirements = { roles: ['owner', 'examiner'], scopes: ['results:read'] };

@ApiTags('exams')
@Controller('v1/exams/:examId')
export class AttemptReportsController {
  constructor(private readonly reports: AttemptReportsService) {}

  @Get('attempts')
  @Authenticated(REPORT_READERS)
  @ApiOperation({ summary: 'Attempts and results with filters; `format=csv` downloads them all as CSV' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: AttemptPageDto })
  @ApiProblems(404, 422)
  async list(@Auth() auth: AuthContext, @Param('examId', UuidParamPipe) examId: string, @Query() query: AttemptListQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    if (query.format !== 'csv') return this.reports.list(auth, examId, query);
    reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="exam-${examId}-attempts.csv"`);
    return this.reports.csv(auth, examId, query);
  }

  @Get('standings')
  @Authenticated(REPORT_READERS)
  @ApiOperation({ summary: "Each candidate's attempts combined by the exam's policy (highest, last, first, average)" })
  @ApiOkResponse({ type: [CandidateStandingDto] })
  @ApiProblems(404)
  standings(@Auth() auth: AuthContext, @Param('examId', UuidParamPipe) examId: string) {
    return this.reports.standings(auth, examId);
  }

  @Get('item-analysis')
  @Authenticated(REPORT_READERS)
  @ApiOperation({
    summary: 'Item analysis of first attempts, and exposure of every drawn item',
    description:
      'Facility, point-biserial and upper–lower 27 % discrimination, distractor counts; mean, SD and Cronbach’s alpha; flags for facility outside 0.3–0.9 and discrimination below 0.2. `exposure` counts, per item, the attempts (of this exam and of the whole organisation) whose form drew it, so an examiner can retire over-exposed exam items.',
  })
  @ApiOkResponse({ type: ItemAnalysisDto })
  @ApiProblems(404)
  itemAnalysis(@Auth() auth: AuthContext, @Param('examId', UuidParamPipe) examId: string) {
    return this.reports.itemAnalysis(auth, examId);
  }
}
