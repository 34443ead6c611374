import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentsModule } from '../documents/documents.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { EnrollmentEntity } from './entities/enrollment.entity.js';
import { ExamVersionEntity } from './entities/exam-version.entity.js';
import { ExamEntity } from './entities/exam.entity.js';
import { ExamsController } from './exams.controller.js';
import { ExamsService } from './exams.service.js';
import { QuestionPool } from './question-pool.js';

@Module({
  imports: [TypeOrmModule.forFeature([ExamEntity, ExamVersionEntity, EnrollmentEntity]), DocumentsModule, WebhooksModule],
  controllers: [ExamsController],
  providers: [ExamsService, QuestionPool],
  exports: [ExamsService, QuestionPool],
})
export class ExamsModule {}
