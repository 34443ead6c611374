import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { SecretBox } from '../common/crypto/secret-box.js';
import { randomSecret } from '../common/crypto/secrets.js';
import { AppException } from '../common/errors/app.exception.js';
import { OutboundRefusedError } from '../common/outbound/outbound-errors.js';
import { OutboundUrlGuard } from '../common/outbound/outbound-url-guard.js';
import { decodeCursor, toPage, type Page } from '../common/pagination/page.js';
import { Clock } from '../common/time/clock.js';
import { AppConfig } from '../config/app-config.js';
import { JobQueue } from '../jobs/job-queue.js';
import { toDeliveryDto, toWebhookDto, type CreatedWebhookDto, type CreateWebhookDto, type DeliveryQueryDto, type WebhookDeliveryDto, type WebhookDto } from './dto/webhook.dto.js';
import { WebhookDeliveryEntity } from './entities/webhook-delivery.entity.js';
import { WebhookEndpointEntity } from './entities/webhook-endpoint.entity.js';
import type { WebhookEvent } from './webhook-events.js';

export const DELIVER_JOB = 'webhooks.deliver';

/** Webhook endpoints of an organisation, the outbox of deliveries, and redelivery. */
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
    const secret = `whsec_${randomSecret(24)}`;
    const repo = this.dataSource.getRepository(WebhookEndpointEntity);
    const saved = await repo.save(repo.create({ organizationId, url: dto.url, events: dto.events, sealedSecret: this.box.seal(secret), active: true }));
    return { ...toWebhookDto(saved), secret };
  }

  async list(auth: AuthContext): Promise<WebhookDto[]> {
    const rows = await this.dataSource.getRepository(WebhookEndpointEntity).find({ where: { organizationId: this.organizationOf(auth) }, order: { createdAt: 'ASC' } });
    return rows.map(toWebhookDto);
  }

  async remove(auth: AuthContext, id: string): Promise<void> {
    const result = await this.dataSource.getRepository(WebhookEndpointEntity).delete({ id, organizationId: this.organizationOf(auth) });
    if (!result.affected) throw AppException.notFound('Webhook', id);
  }

  async deliveries(auth: AuthContext, endpointId: string, query: DeliveryQueryDto): Promise<Page<WebhookDeliveryDto>> {
    const organizationId = this.organizationOf(auth);
    const endpoint = await this.dataSource.getRepository(WebhookEndpointEntity).findOneBy({ id: endpointId, organizationId });
    if (!endpoint) throw AppException.notFound('Webhook', endpointId);
    const position = decodeCursor(query.cursor, 'timestamp');
    const qb = this.dataSource
      .getRepository(WebhookDeliveryEntity)
      .createQueryBuilder('d')
      .where('d.endpoint_id = :endpointId AND d.organization_id = :organizationId', { endpointId, organizationId })
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
    return toDeliveryDto((await repo.findOneByOrFail({ id: delivery.id })));
  }

  /** Writes one delivery per subscribed endpoint, in the caller's transaction. */
  async enqueue(manager: EntityManager, organizationId: string, event: WebhookEvent, data: Record<string, unknown>): Promise<string[]> {
    const endpoints = await manager
      .getRepository(WebhookEndpointEntity)
      .createQueryBuilder('e')
      .where('e.organization_id = :organizationId AND e.active AND :event = ANY(e.events)', { organizationId, event })
      .getMany();
    if (endpoints.length === 0) return [];
    const now = this.clock.now();
    const result = await manager
      .getRepository(WebhookDeliveryEntity)
      .insert(endpoints.map((endpoint) => ({ endpointId: endpoint.id, organizationId, event, payload: { event, occurredAt: now.toISOString(), data }, status: 'pending' as const, nextAttemptAt: now })));
    return result.identifiers.map((identifier) => identifier.id as string);
  }

  verificationUrl(certificateId: string): string {
    return `${this.config.publicBaseUrl}/v1/certificates/${certificateId}/verification`;
  }

  /** Wakes the queue for deliveries written by a committed transaction. */
  async dispatch(deliveryIds: string[]): Promise<void> {
    for (const deliveryId of deliveryIds) await this.queue.send(DELIVER_JOB, { deliveryId }, { retryLimit: 0 });
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
