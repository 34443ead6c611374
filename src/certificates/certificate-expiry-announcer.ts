import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../common/time/clock.js';
import { JobQueue } from '../jobs/job-queue.js';
import { notYetEmittedSql, onceKey, WebhookOutbox } from '../webhooks/webhook-outbox.js';
import { CertificateUrls } from './certificate-urls.js';
import { CertificateEntity } from './entities/certificate.entity.js';

const ANNOUNCE_JOB = 'certificates.announce-expiry';
const BATCH = 200;
// A certificate whose expiry went unannounced this long (the job was down) is left alone:
// the sweep stays a scan of recent expiries, not of every certificate that ever expired.
const LOOKBACK_MS = 30 * 24 * 3_600_000;

/**
 * `certificate.expired`, once per certificate: every few minutes, certificates whose validity
 * has ended and that were not revoked get the event under the key `certificate.expired:<id>`,
 * written with the deliveries, so a rerun or another replica skips them.
 */
@Injectable()
export class CertificateExpiryAnnouncer implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
    private readonly outbox: WebhookOutbox,
    private readonly urls: CertificateUrls,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.queue.register(ANNOUNCE_JOB, async () => void (await this.announceDue()), { cron: '*/5 * * * *', retryLimit: 0 });
  }

  /** Announces every certificate expired by now and not announced yet; returns how many it found. */
  async announceDue(): Promise<number> {
    const now = this.clock.now();
    let announced = 0;
    for (;;) {
      const { count, deliveryIds } = await this.dataSource.transaction(async (manager) => {
        const due = await manager
          .getRepository(CertificateEntity)
          .createQueryBuilder('c')
          .where('c.revoked_at IS NULL AND c.valid_until <= :now AND c.valid_until > :since', { now, since: new Date(now.getTime() - LOOKBACK_MS) })
          .andWhere(notYetEmittedSql('certificate.expired', 'c.id'))
          .orderBy('c.valid_until', 'ASC')
          .take(BATCH)
          .getMany();
        const ids: string[] = [];
        for (const certificate of due) {
          ids.push(
            ...(await this.outbox.enqueue(
              manager,
              certificate.organizationId,
              'certificate.expired',
              {
                certificateId: certificate.id,
                attemptId: certificate.attemptId,
                examId: certificate.examId,
                userId: certificate.userId,
                validUntil: certificate.validUntil!.toISOString(),
                verificationUrl: this.urls.verification(certificate.id),
              },
              { onceKey: onceKey('certificate.expired', certificate.id) },
            )),
          );
        }
        return { count: due.length, deliveryIds: ids };
      });
      announced += count;
      await this.outbox.dispatch(deliveryIds);
      if (count < BATCH) return announced;
    }
  }
}
