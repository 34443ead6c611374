import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/time/clock.js';
import { JobQueue } from '../jobs/job-queue.js';
import { CandidatesService } from '../organizations/candidates.service.js';
import { WebhookDeliveryEntity } from './entities/webhook-delivery.entity.js';
import { WebhookEndpointEntity } from './entities/webhook-endpoint.entity.js';
import { WebhookEventKeyEntity } from './entities/webhook-event-key.entity.js';
import type { WebhookEvent, WebhookEventInput } from './webhook-events.js';
import type { StoredWebhookPayload } from './webhook-message.js';

export const DELIVER_JOB = 'webhooks.deliver';

/** The key under which an event about one subject is written once only. */
export function onceKey(event: WebhookEvent, subjectId: string): string {
  return `${event}:${subjectId}`;
}

/**
 * SQL condition, for a sweep that looks for subjects still to announce: true while no event
 * was written under `onceKey(event, <idColumn>)`. `idColumn` is a trusted column reference.
 */
export function notYetEmittedSql(event: WebhookEvent, idColumn: string): string {
  return `NOT EXISTS (SELECT 1 FROM webhook_event_keys k WHERE k.key = '${event}:' || ${idColumn})`;
}

export interface EnqueueOptions {
  /** Write this event only if no event was written under the same key before (e.g. `certificate.expired:<id>`). */
  onceKey?: string;
}

/**
 * How any module emits an event: `enqueue` inside the transaction that makes it true (an
 * outbox: a rollback sends nothing, a crash after commit loses nothing), then `dispatch`
 * the returned ids after commit. Undispatched rows are sent by the dispatcher's sweep.
 */
@Injectable()
export class WebhookOutbox {
  private readonly logger = new Logger('Webhooks');

  constructor(
    private readonly queue: JobQueue,
    private readonly clock: Clock,
    private readonly candidates: CandidatesService,
  ) {}

  /** One delivery per active endpoint subscribed to `event`; data about a person gains its `externalId`. */
  async enqueue<E extends WebhookEvent>(manager: EntityManager, organizationId: string, event: E, input: WebhookEventInput<E>, options: EnqueueOptions = {}): Promise<string[]> {
    if (options.onceKey && !(await this.claim(manager, organizationId, options.onceKey))) return [];
    const endpoints = await manager
      .getRepository(WebhookEndpointEntity)
      .createQueryBuilder('e')
      .where('e.organization_id = :organizationId AND e.active AND :event = ANY(e.events)', { organizationId, event })
      .getMany();
    if (endpoints.length === 0) return [];
    const data = await this.withExternalId(manager, organizationId, input as Record<string, unknown>);
    const now = this.clock.now();
    const payload: StoredWebhookPayload = { event, occurredAt: now.toISOString(), data };
    const result = await manager
      .getRepository(WebhookDeliveryEntity)
      .insert(endpoints.map((endpoint) => ({ endpointId: endpoint.id, organizationId, event, payload: { ...payload }, status: 'pending' as const, nextAttemptAt: now })));
    return result.identifiers.map((identifier) => identifier.id as string);
  }

  /**
   * Wakes the queue for deliveries written by a committed transaction. Never throws: what
   * the caller did is committed, and the dispatcher's sweep sends anything not woken here.
   */
  async dispatch(deliveryIds: string[]): Promise<void> {
    try {
      for (const deliveryId of deliveryIds) await this.queue.send(DELIVER_JOB, { deliveryId }, { retryLimit: 0 });
    } catch (error) {
      this.logger.warn({ err: error, deliveryIds }, 'webhook deliveries left to the sweep');
    }
  }

  /** False when the key is taken; a concurrent transaction holding it makes this one wait, then see it taken. */
  private async claim(manager: EntityManager, organizationId: string, key: string): Promise<boolean> {
    const inserted = await manager.createQueryBuilder().insert().into(WebhookEventKeyEntity).values({ key, organizationId }).orIgnore().returning('key').execute();
    return (inserted.raw as unknown[]).length > 0;
  }

  private async withExternalId(manager: EntityManager, organizationId: string, data: Record<string, unknown>): Promise<Record<string, unknown>> {
    if (typeof data.userId !== 'string') return data;
    return { ...data, externalId: await this.candidates.externalIdOf(manager, organizationId, data.userId) };
  }
}
