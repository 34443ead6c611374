import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClusterRegistry } from './cluster-registry.service.js';
import { ClusterEntity } from './cluster.entity.js';
import { ClustersController } from './clusters.controller.js';
import { EmbeddedSandbox } from './embedded-sandbox.js';

@Module({
  imports: [TypeOrmModule.forFeature([ClusterEntity])],
  controllers: [ClustersController],
  providers: [ClusterRegistry, EmbeddedSandbox],
  exports: [ClusterRegistry, EmbeddedSandbox],
})
export class ClusterRegistryModule {}
