import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../auth/decorators/authenticated.decorator.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { UuidParamPipe } from '../../common/validation/uuid-param.pipe.js';
import { ClusterRegistry } from './cluster-registry.service.js';
import { ClusterDto, RegisterClusterDto, UpdateClusterDto } from './cluster.dto.js';

/** Clusters are shared infrastructure: platform administrators manage them. */
@ApiTags('clusters')
@Controller('v1/clusters')
export class ClustersController {
  constructor(private readonly registry: ClusterRegistry) {}

  @Post()
  @Authenticated({ platformAdmin: true })
  @ApiOperation({ summary: 'Register a cluster by kubeconfig (stored encrypted)' })
  @ApiCreatedResponse({ type: ClusterDto })
  @ApiProblems(403, 409, 422)
  register(@Body() dto: RegisterClusterDto) {
    return this.registry.register(dto);
  }

  @Get()
  @Authenticated({ platformAdmin: true })
  @ApiOperation({ summary: 'Registered clusters with their load' })
  @ApiOkResponse({ type: [ClusterDto] })
  list() {
    return this.registry.list();
  }

  @Patch(':clusterId')
  @Authenticated({ platformAdmin: true })
  @ApiOperation({ summary: 'Enable, disable or resize a cluster' })
  @ApiOkResponse({ type: ClusterDto })
  @ApiProblems(404, 422)
  update(@Param('clusterId', UuidParamPipe) id: string, @Body() dto: UpdateClusterDto) {
    return this.registry.update(id, dto);
  }
}
