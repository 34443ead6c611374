import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdempotencyService } from '../common/idempotency/idempotency.service.js';
import { ExamsModule } from '../exams/exams.module.js';
import { AttemptDeadlines } from './attempt-deadlines.js';
import { AttemptReportsController } from './attempt-reports.controller.js';
import { AttemptReportsService } from './attempt-reports.service.js';
import { AttemptSubmission } from './attempt-submission.js';
import { AttemptsController } from './attempts.controller.js';
import { AttemptsService } from './attempts.service.js';
import { AttemptItemEntity } from './entities/attempt-item.entity.js';
import { AttemptEntity } from './entities/attempt.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([AttemptEntity, AttemptItemEntity]), ExamsModule],
  controllers: [AttemptsController, AttemptReportsController],
  providers: [AttemptsService, AttemptSubmission, AttemptDeadlines, AttemptReportsService, IdempotencyService],
  exports: [AttemptsService, AttemptSubmission, AttemptDeadlines],
})
export class AttemptsModule {}
