import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OutboundRefusedError, OutboundTransportError } from '../common/outbound/outbound-errors.js';
import { OutboundHttpClient } from '../common/outbound/outbound-http-client.js';
import { Clock } from '../common/time/clock.js';
import { AppConfig } from '../config/app-config.js';
import { JobQueue } from '../jobs/job-queue.js';
import { WebhookDeliveryEntity } from './entities/webhook-delivery.entity.js';
import { WebhookEndpointEntity } from './entities/webhook-endpoint.entity.js';
import { webhookBody } from './webhook-message.js';
import { DELIVER_JOB } from './webhook-outbox.js';
import { signingSecretsAt } from './webhook-secrets.js';
import { LEGACY_SIGNATURE_HEADER, legacySignature, signingKey, standardWebhookHeaders } from './webhook-signature.js';
import { WebhooksService } from './webhooks.service.js';

const SWEEP_JOB = 'webhooks.sweep';
const MAX_ATTEMPTS = 8;
const TIMEOUT_MS = 5000;
// Receivers only need to answer with a status; the body is read to free the socket, not kept.
const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * Posts deliveries to their endpoints. Each try is one job; a failure schedules the next
 * try with exponential backoff (base × 2^(n−1)) until MAX_ATTEMPTS, then marks it failed.
 * A minute sweep picks up anything due whose job was lost.
 */
@Injectable()
export class WebhookDispatcher implements OnModuleInit {
  private readonly logger = new Logger('Webhooks');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
    private readonly webhooks: WebhooksService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly http: OutboundHttpClient,
  ) {}

  onModuleInit(): void {
    this.queue.register<{ deliveryId: string }>(DELIVER_JOB, (data) => this.deliver(data.deliveryId), { retryLimit: 0 });
    this.queue.register(SWEEP_JOB, () => this.sweep(), { cron: '* * * * *', retryLimit: 0 });
  }

  async sweep(): Promise<void> {
    const due = await this.dataSource
      .getRepository(WebhookDeliveryEntity)
      .createQueryBuilder('d')
      .where("d.status = 'pending' AND d.next_attempt_at <= :now", { now: this.clock.now() })
      .select(['d.id'])
      .take(200)
      .getMany();
    for (const { id } of due) await this.deliver(id);
  }

  async deliver(deliveryId: string): Promise<void> {
    // The row lock makes a delivery single-flight even if a job and the sweep meet.
    const claimed = await this.dataSource.transaction(async (manager) => {
      const delivery = await manager
        .getRepository(WebhookDeliveryEntity)
        .createQueryBuilder('d')
        .where("d.id = :deliveryId AND d.status = 'pending'", { deliveryId })
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getOne();
      if (!delivery) return null;
      const endpoint = await manager.getRepository(WebhookEndpointEntity).findOneBy({ id: delivery.endpointId });
      const outcome = endpoint ? await this.post(endpoint, delivery) : { ok: false, statusCode: null, error: 'endpoint removed' };
      delivery.attempts += 1;
      delivery.lastStatusCode = outcome.statusCode;
      delivery.lastError = outcome.ok ? null : outcome.error;
      if (outcome.ok) {
        delivery.status = 'delivered';
        delivery.deliveredAt = this.clock.now();
        delivery.nextAttemptAt = null;
      } else if (delivery.attempts >= MAX_ATTEMPTS || !endpoint) {
        delivery.status = 'failed';
        delivery.nextAttemptAt = null;
      } else {
        const delayMs = this.config.WEBHOOK_RETRY_BASE_SECONDS * 1000 * 2 ** (delivery.attempts - 1);
        delivery.nextAttemptAt = new Date(this.clock.now().getTime() + delayMs);
      }
      await manager.getRepository(WebhookDeliveryEntity).save(delivery);
      return delivery;
    });
    if (claimed?.status === 'pending' && claimed.nextAttemptAt) {
      const delayMs = claimed.nextAttemptAt.getTime() - this.clock.now().getTime();
      await this.queue.send(DELIVER_JOB, { deliveryId }, { startAfter: new Date(Date.now() + delayMs), retryLimit: 0 });
    }
  }

  private async post(endpoint: WebhookEndpointEntity, delivery: WebhookDeliveryEntity): Promise<{ ok: boolean; statusCode: number | null; error: string | null }> {
    const body = JSON.stringify(webhookBody(delivery));
    const now = this.clock.now();
    const timestamp = Math.floor(now.getTime() / 1000);
    const secrets = signingSecretsAt(endpoint, this.webhooks.box, now);
    const legacySecret = secrets.find((secret) => secret.format === 'raw');
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'kubequiz-webhooks/1',
      'kubequiz-event': delivery.event,
      ...standardWebhookHeaders(
        secrets.map((secret) => signingKey(secret.secret, secret.format)),
        delivery.id,
        timestamp,
        body,
      ),
      // Receivers written for the scheme before Standard Webhooks also read these two.
      ...(legacySecret ? { [LEGACY_SIGNATURE_HEADER]: legacySignature(legacySecret.secret, timestamp, body), 'kubequiz-delivery': delivery.id } : {}),
    };
    try {
      const response = await this.http.send(endpoint.url, {
        method: 'POST',
        headers,
        body,
        timeoutMs: TIMEOUT_MS,
        maxResponseBytes: MAX_RESPONSE_BYTES,
      });
      const ok = response.status >= 200 && response.status < 300;
      return { ok, statusCode: response.status, error: ok ? null : `HTTP ${response.status}` };
    } catch (error) {
      if (error instanceof OutboundRefusedError) {
        // The tenant sees why, never what is behind the address: no status, no network error.
        this.logger.warn({ deliveryId: delivery.id, endpointId: endpoint.id, address: error.address, addressClass: error.addressClass }, 'webhook target refused');
        return { ok: false, statusCode: null, error: `refused: ${error.message}` };
      }
      this.logger.warn({ deliveryId: delivery.id, err: error }, 'webhook delivery failed');
      return { ok: false, statusCode: null, error: error instanceof OutboundTransportError ? error.message : 'delivery failed' };
    }
  }
}
