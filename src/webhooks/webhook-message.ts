import type { WebhookDeliveryEntity } from './entities/webhook-delivery.entity.js';
import type { WebhookEvent } from './webhook-events.js';

/** What the outbox stores for a delivery. */
export interface StoredWebhookPayload {
  event: WebhookEvent;
  occurredAt: string;
  data: Record<string, unknown>;
}

/**
 * The JSON a receiver gets, the shape Standard Webhooks recommends (`type`, `timestamp`,
 * `data`) plus `id` (equal to the `webhook-id` header, the same on every retry, for
 * de-duplication). `event` and `occurredAt` repeat `type` and `timestamp` for receivers
 * written before the standard shape.
 */
export interface WebhookBody {
  id: string;
  type: WebhookEvent;
  timestamp: string;
  data: Record<string, unknown>;
  event: WebhookEvent;
  occurredAt: string;
}

export function webhookBody(delivery: Pick<WebhookDeliveryEntity, 'id' | 'event' | 'payload'>): WebhookBody {
  const payload = delivery.payload as unknown as StoredWebhookPayload;
  return { id: delivery.id, type: delivery.event, timestamp: payload.occurredAt, data: payload.data, event: delivery.event, occurredAt: payload.occurredAt };
}
