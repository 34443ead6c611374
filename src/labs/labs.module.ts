import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttemptsModule } from '../attempts/attempts.module.js';
import { LabTaskScorer } from '../attempts/lab-task-scorer.js';
import { ClusterRegistryModule } from '../cluster/registry/cluster-registry.module.js';
import { AttemptLabScorer } from './attempt-lab-scorer.js';
import { AttemptLabsController } from './attempt-labs.controller.js';
import { LabSessionEntity } from './entities/lab-session.entity.js';
import { LabTaskEntity } from './entities/lab-task.entity.js';
import { LabSessionsService } from './lab-sessions.service.js';
import { LabsController } from './labs.controller.js';
import { TaskCatalog } from './task-catalog.js';

/** Global so that attempts can score hands-on tasks through the LabTaskScorer port. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([LabSessionEntity, LabTaskEntity]), ClusterRegistryModule, AttemptsModule],
  controllers: [LabsController, AttemptLabsController],
  providers: [TaskCatalog, LabSessionsService, AttemptLabScorer, { provide: LabTaskScorer, useExisting: AttemptLabScorer }],
  exports: [LabTaskScorer, LabSessionsService, TaskCatalog],
})
export class LabsModule {}
