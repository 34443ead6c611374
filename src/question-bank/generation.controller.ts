import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth } from '../auth/decorators/auth.decorator.js';
import { Authenticated } from '../auth/decorators/authenticated.decorator.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { UuidParamPipe } from '../common/validation/uuid-param.pipe.js';
import { GenerateDto, GenerationResultDto } from './dto/generate.dto.js';
import { GenerationService } from './generation.service.js';

@ApiTags('question bank')
@Controller('v1/documents')
export class GenerationController {
  constructor(private readonly generation: GenerationService) {}

  // "::" is Fastify's escape for a literal colon in a path.
  @Post(':documentId/question-bank::generate')
  @HttpCode(200)
  @Authenticated({ roles: ['owner', 'author'], platformAdmin: true })
  @ApiOperation({
    summary: 'Generate draft questions from every section of a document version',
    description:
      'Deterministic for a seed. Rules: definition↔term, enumerations (multiple response, "which is NOT"), cloze on key terms, true/false with sibling swaps, ordering of procedures, matching. ' +
      'Items already in the bank are kept; generated items whose source sentence disappeared are marked stale.',
  })
  @ApiOkResponse({ type: GenerationResultDto })
  @ApiProblems(403, 404, 422)
  generate(@Auth() auth: AuthContext, @Param('documentId', UuidParamPipe) id: string, @Body() dto: GenerateDto = {}) {
    return this.generation.generate(auth, id, dto ?? {});
  }
}
