import type { OpenAPIObject, ParameterObject, PathItemObject } from '@nestjs/swagger';
import { WEBHOOK_EVENT_CATALOGUE, WEBHOOK_EVENTS, type WebhookEvent } from './webhook-events.js';

/** The payload classes, for `extraModels`: no route returns them, the webhooks section refers to them. */
export const WEBHOOK_DATA_MODELS = WEBHOOK_EVENTS.map((event) => WEBHOOK_EVENT_CATALOGUE[event].data);

const HEADERS: ParameterObject[] = [
  {
    name: 'webhook-id',
    in: 'header',
    required: true,
    description: 'The delivery id, the same on every retry of this event to this endpoint: de-duplicate on it',
    schema: { type: 'string', format: 'uuid' },
  },
  { name: 'webhook-timestamp', in: 'header', required: true, description: 'Unix seconds when this try was signed; refuse ones too far from now (5 minutes)', schema: { type: 'string', pattern: '^[0-9]+$', example: '1772359200' } },
  {
    name: 'webhook-signature',
    in: 'header',
    required: true,
    description:
      'Space-separated `v1,<base64 HMAC-SHA256(key, "<webhook-id>.<webhook-timestamp>.<raw body>")>`, the key being the base64 part of the `whsec_` secret: one per secret in force, two during a rotation overlap. ' +
      'Accept the request when any of them matches (Standard Webhooks libraries do).',
    schema: { type: 'string', example: 'v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4= v1,3ZzkyYXCc9zHxRm9w3Zr1wiQo2ZFZnWi2AkHZrQ5WgE=' },
  },
  { name: 'kubequiz-event', in: 'header', required: true, description: 'The event type, as `type` in the body', schema: { type: 'string' } },
  {
    name: 'kubequiz-signature',
    in: 'header',
    required: false,
    deprecated: true,
    description: 'Only for endpoints whose secret predates Standard Webhooks (`secretFormat: raw`), until it is rotated: `t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`',
    schema: { type: 'string' },
  },
  { name: 'kubequiz-delivery', in: 'header', required: false, deprecated: true, description: 'Sent with `kubequiz-signature` only: the same as `webhook-id`', schema: { type: 'string', format: 'uuid' } },
];

function pathItem(event: WebhookEvent): PathItemObject {
  const { data, description } = WEBHOOK_EVENT_CATALOGUE[event];
  return {
    post: {
      summary: event,
      description: `${description} Sent to every endpoint subscribed to \`${event}\`, signed as Standard Webhooks specifies.`,
      operationId: `webhook_${event.replace('.', '_')}`,
      tags: ['webhooks'],
      parameters: HEADERS,
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['id', 'type', 'timestamp', 'data', 'event', 'occurredAt'],
              properties: {
                id: { type: 'string', format: 'uuid', description: 'Equal to `webhook-id`' },
                type: { type: 'string', enum: [event] },
                timestamp: { type: 'string', format: 'date-time', description: 'When the event happened (not when this try was sent)' },
                data: { $ref: `#/components/schemas/${data.name}` },
                event: { type: 'string', enum: [event], deprecated: true, description: 'Same as `type`' },
                occurredAt: { type: 'string', format: 'date-time', deprecated: true, description: 'Same as `timestamp`' },
              },
            },
          },
        },
      },
      responses: {
        '2XX': { description: 'Received. Any other answer, or none within 5 seconds, is retried with exponential backoff, 8 tries in all (then the delivery is `failed`; it can be redelivered).' },
      },
    },
  };
}

/**
 * Documents every event as OpenAPI describes outbound calls: `webhooks` in 3.1, and the
 * `x-webhooks` extension (read by Redoc and others) while the document is 3.0.
 */
export function addWebhooksSection(document: OpenAPIObject): void {
  const items = Object.fromEntries(WEBHOOK_EVENTS.map((event) => [event, pathItem(event)]));
  if (document.openapi.startsWith('3.0')) (document as OpenAPIObject & { 'x-webhooks'?: unknown })['x-webhooks'] = items;
  else document.webhooks = { ...document.webhooks, ...items };
}
