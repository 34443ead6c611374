import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { SecretBox } from '../common/crypto/secret-box.js';
import { AppException } from '../common/errors/app.exception.js';
import { OutboundRefusedError } from '../common/outbound/outbound-errors.js';
import { OutboundUrlGuard } from '../common/outbound/outbound-url-guard.js';
import { decodeCursor, toPage, type Page } from '../common/pagination/page.js';
import { Clock } from '../common/time/clock.js';
import { AppConfig } from '../config/app-config.js';
import { JobQueue } from '../jobs/job-queue.js';
import {
  toDeliveryDto,
  toWebhookDto,
  type CreatedWebhookDto,
  type CreateWebhookDto,
  type DeliveryQueryDto,
  type RotateWebhookSecretDto,
  type UpdateWebhookDto,
  type WebhookDeliveryDto,
  type WebhookDto,
} from './dto/webhook.dto.js';
import { WebhookDeliveryEntity } from './entities/webhook-delivery.entity.js';
import { WebhookEndpointEntity } from './entities/webhook-endpoint.entity.js';
import { DELIVER_JOB } from './webhook-outbox.js';
import { rotateSecret } from './webhook-secrets.js';
import { newWebhookSecret } from './webhook-signature.js';

const HOUR_MS = 3_600_000;

/** Webhook endpoints of an organisation, their secrets, the delivery log and redelivery. */
@Injectable()
export class WebhooksService {
  readonly box: SecretBox;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
    private readonly outbound: OutboundUrlGuard,
  ) {
    this.box = new SecretBox(config.SECRETS_ENCRYPTION_KEY, 'webhook-secrets');
  }

  async create(auth: AuthContext, dto: CreateWebhookDto): Promise<CreatedWebhookDto> {
    const organizationId = this.organizationOf(auth);
    await this.checkReachable(dto.url);
    const secret = newWebhookSecret();
    const repo = this.dataSource.getRepository(WebhookEndpointEntity);
    const saved = await repo.save(repo.create({ organizationId, url: dto.url, events: dto.events, sealedSecret: this.box.seal(secret), secretFormat: 'base64', active: true }));
    return { ...toWebhookDto(saved, this.clock.now()), secret };
  }

  async list(auth: AuthContext): Promise<WebhookDto[]> {
    const rows = await this.dataSource.getRepository(WebhookEndpointEntity).find({ where: { organizationId: this.organizationOf(auth) }, order: { createdAt: 'ASC' } });
    const now = this.clock.now();
    return rows.map((row) => toWebhookDto(row, now));
  }

  /** New events and/or a new URL (checked by the outbound guard as at creation). */
  async update(auth: AuthContext, id: string, dto: UpdateWebhookDto): Promise<WebhookDto> {
    if (dto.url === undefined && dto.events === undefined) throw AppException.validation([{ path: 'events', message: 'give url or events (or both)' }]);
    const endpoint = await this.findOwned(auth, id);
    if (dto.url !== undefined) await this.checkReachable(dto.url);
    const changes = { ...(dto.url !== undefined ? { url: dto.url } : {}), ...(dto.events !== undefined ? { events: dto.events } : {}) };
    await this.dataSource.getRepository(WebhookEndpointEntity).update({ id: endpoint.id, organizationId: endpoint.organizationId }, changes);
    return toWebhookDto({ ...endpoint, ...changes }, this.clock.now());
  }

  /** A new secret, shown once; the old one keeps signing beside it for the overlap. */
  async rotateSecret(auth: AuthContext, id: string, dto: RotateWebhookSecretDto): Promise<CreatedWebhookDto> {
    const overlapMs = (dto.overlapHours ?? this.config.WEBHOOK_SECRET_OVERLAP_HOURS) * HOUR_MS;
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(WebhookEndpointEntity);
      // Locked, so two rotations at once cannot both keep the same "previous" secret.
      const endpoint = await repo.findOne({ where: { id, organizationId: this.organizationOf(auth) }, lock: { mode: 'pessimistic_write' } });
      if (!endpoint) throw AppException.notFound('Webhook', id);
      const now = this.clock.now();
      const { secret, changes } = rotateSecret(endpoint, this.box, now, overlapMs);
      await repo.update({ id: endpoint.id }, changes);
      return { ...toWebhookDto({ ...endpoint, ...changes }, now), secret };
    });
  }

  async remove(auth: AuthContext, id: string): Promise<void> {
    const result = await this.dataSource.getRepository(WebhookEndpointEntity).delete({ id, organizationId: this.organizationOf(auth) });
    if (!result.affected) throw AppException.notFound('Webhook', id);
  }

  async deliveries(auth: AuthContext, endpointId: string, query: DeliveryQueryDto): Promise<Page<WebhookDeliveryDto>> {
    const endpoint = await this.findOwned(auth, endpointId);
    const position = decodeCursor(query.cursor, 'timestamp');
    const qb = this.dataSource
      .getRepository(WebhookDeliveryEntity)
      .createQueryBuilder('d')
      .where('d.endpoint_id = :endpointId AND d.organization_id = :organizationId', { endpointId: endpoint.id, organizationId: endpoint.organizationId })
      .orderBy('d.created_at', 'DESC')
      .addOrderBy('d.id', 'DESC');
    if (query.status) qb.andWhere('d.status = :status', { status: query.status });
    if (position) qb.andWhere('(d.created_at, d.id) < (:sort, :id)', position);
    const rows = await qb.take(query.limit + 1).getMany();
    return toPage(rows, query.limit, (d) => ({ sort: d.createdAt.toISOString(), id: d.id }), toDeliveryDto);
  }

  /** Sends a delivery again now, whatever its state. */
  async redeliver(auth: AuthContext, deliveryId: string): Promise<WebhookDeliveryDto> {
    const repo = this.dataSource.getRepository(WebhookDeliveryEntity);
    const delivery = await repo.findOneBy({ id: deliveryId, organizationId: this.organizationOf(auth) });
    if (!delivery) throw AppException.notFound('Delivery', deliveryId);
    await repo.update({ id: delivery.id }, { status: 'pending', nextAttemptAt: this.clock.now(), lastError: null });
    await this.queue.send(DELIVER_JOB, { deliveryId: delivery.id }, { retryLimit: 0 });
    return toDeliveryDto(await repo.findOneByOrFail({ id: delivery.id }));
  }

  private async findOwned(auth: AuthContext, id: string): Promise<WebhookEndpointEntity> {
    const endpoint = await this.dataSource.getRepository(WebhookEndpointEntity).findOneBy({ id, organizationId: this.organizationOf(auth) });
    if (!endpoint) throw AppException.notFound('Webhook', id);
    return endpoint;
  }

  /** The same guard runs again before every delivery: a name may resolve elsewhere by then. */
  private async checkReachable(url: string): Promise<void> {
    try {
      await this.outbound.check(url);
    } catch (error) {
      if (error instanceof OutboundRefusedError) throw AppException.validation([{ path: 'url', message: error.message }]);
      throw error;
    }
  }

  private organizationOf(auth: AuthContext): string {
    if (!auth.organizationId) throw new AppException('forbidden', 'Webhooks belong to an organization');
    return auth.organizationId;
  }
}
