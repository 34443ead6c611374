import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CertificateIssuer } from '../certificates/certificate-issuer.js';
import { IdempotencyService } from '../common/idempotency/idempotency.service.js';
import { ExamsModule } from '../exams/exams.module.js';
import { QuestionBankModule } from '../question-bank/question-bank.module.js';
import { AttemptWebhooksListener } from '../webhooks/attempt-webhooks.listener.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { ATTEMPT_GRADED_LISTENERS } from './attempt-events.js';
import { AttemptDeadlines } from './attempt-deadlines.js';
import { AttemptReportsController } from './attempt-reports.controller.js';
import { AttemptReportsService } from './attempt-reports.service.js';
import { AttemptSubmission } from './attempt-submission.js';
import { AttemptsController } from './attempts.controller.js';
import { AttemptsService } from './attempts.service.js';
import { AttemptItemEntity } from './entities/attempt-item.entity.js';
import { AttemptEntity } from './entities/attempt.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([AttemptEntity, AttemptItemEntity]), ExamsModule, WebhooksModule, QuestionBankModule],
  controllers: [AttemptsController, AttemptReportsController],
  providers: [
    AttemptsService,
    AttemptSubmission,
    AttemptDeadlines,
    AttemptReportsService,
    IdempotencyService,
    // Everything that reacts to a graded attempt, in the grading transaction.
    // CertificateIssuer comes from the global CertificatesModule (which imports this module);
    // first, so a webhook sent for the grade finds the certificate already issued.
    { provide: ATTEMPT_GRADED_LISTENERS, useFactory: (...listeners: unknown[]) => listeners, inject: [CertificateIssuer, AttemptWebhooksListener] },
  ],
  exports: [AttemptsService, AttemptSubmission, AttemptDeadlines],
})
export class AttemptsModule {}
