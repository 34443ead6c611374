import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AttemptGradedListener } from '../attempts/attempt-events.js';
import type { AttemptEntity } from '../attempts/entities/attempt.entity.js';
import { AppConfig } from '../config/app-config.js';
import { WebhookOutbox } from './webhook-outbox.js';

/** attempt.submitted, attempt.graded and certificate.issued, written in the grading transaction, sent after it commits. */
@Injectable()
export class AttemptWebhooksListener extends AttemptGradedListener {
  private readonly pending = new Map<string, string[]>();

  constructor(
    private readonly outbox: WebhookOutbox,
    private readonly config: AppConfig,
  ) {
    super();
  }

  override async onGraded(attempt: AttemptEntity, manager: EntityManager): Promise<void> {
    const common = { attemptId: attempt.id, examId: attempt.examId, userId: attempt.userId, attemptNumber: attempt.attemptNumber };
    const ids = [
      ...(await this.outbox.enqueue(manager, attempt.organizationId, 'attempt.submitted', {
        ...common,
        submittedAt: attempt.submittedAt?.toISOString() ?? null,
        submittedBy: attempt.submittedBy,
      })),
      ...(await this.outbox.enqueue(manager, attempt.organizationId, 'attempt.graded', { ...common, percentage: attempt.percentage, passed: attempt.passed })),
    ];
    // The certificate listener runs first in the same transaction, so a pass has one by now.
    if (attempt.passed) {
      const [certificate] = (await manager.query('SELECT id, valid_until FROM certificates WHERE attempt_id = $1', [attempt.id])) as Array<{ id: string; valid_until: Date | null }>;
      if (certificate) {
        ids.push(
          ...(await this.outbox.enqueue(manager, attempt.organizationId, 'certificate.issued', {
            ...common,
            certificateId: certificate.id,
            validUntil: certificate.valid_until ? new Date(certificate.valid_until).toISOString() : null,
            verificationUrl: `${this.config.publicBaseUrl}/v1/certificates/${certificate.id}/verification`,
          })),
        );
      }
    }
    if (ids.length) this.pending.set(attempt.id, ids);
  }

  override async afterCommit(attempt: AttemptEntity): Promise<void> {
    const ids = this.pending.get(attempt.id);
    this.pending.delete(attempt.id);
    if (ids) await this.outbox.dispatch(ids);
  }
}
