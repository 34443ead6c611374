import { Controller, Get, HttpCode } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/decorators/public.decorator.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { HealthService, type ReadinessReport } from './health.service.js';

class LivenessDto {
  @ApiProperty({ example: 'ok' })
  status: 'ok';
}

class ReadinessDto {
  @ApiProperty({ example: 'ok', enum: ['ok'] })
  status: 'ok';

  @ApiProperty({ example: { database: { status: 'up', latencyMs: 1 } } })
  checks: ReadinessReport['checks'];
}

@ApiTags('health')
@Controller('health')
// Probes poll from a few addresses and the answers cost next to nothing.
@Public({ rateLimited: false })
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @HttpCode(200)
  @ApiOperation({ summary: 'Liveness: the process is up' })
  @ApiOkResponse({ type: LivenessDto })
  live(): LivenessDto {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: every dependency answers' })
  @ApiOkResponse({ type: ReadinessDto })
  @ApiProblems(503)
  ready(): Promise<ReadinessReport> {
    return this.health.readiness();
  }
}
