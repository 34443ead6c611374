import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsNumber, IsOptional, IsUrl, Max, Min } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page.js';
import type { WebhookDeliveryEntity } from '../entities/webhook-delivery.entity.js';
import type { WebhookEndpointEntity } from '../entities/webhook-endpoint.entity.js';
import { WEBHOOK_EVENTS, type WebhookEvent } from '../webhook-events.js';
import { webhookBody } from '../webhook-message.js';
import type { SecretFormat } from '../webhook-signature.js';

const URL_RULES = { require_protocol: true, protocols: ['http', 'https'], require_tld: false };
const MAX_OVERLAP_HOURS = 24 * 30;

export class CreateWebhookDto {
  @ApiProperty({ example: 'https://lms.example/hooks/kubequiz' })
  @IsUrl(URL_RULES)
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true, example: ['attempt.graded', 'certificate.issued', 'certificate.revoked'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENTS, { each: true })
  events: WebhookEvent[];
}

export class UpdateWebhookDto {
  @ApiPropertyOptional({ example: 'https://lms.example/hooks/kubequiz-v2', description: 'Checked like a new URL; deliveries still pending go to the new one' })
  @IsOptional()
  @IsUrl(URL_RULES)
  url?: string;

  @ApiPropertyOptional({ enum: WEBHOOK_EVENTS, isArray: true, example: ['certificate.issued', 'certificate.revoked', 'certificate.expired'], description: 'Replaces the list; applies to events from now on' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENTS, { each: true })
  events?: WebhookEvent[];
}

export class RotateWebhookSecretDto {
  @ApiPropertyOptional({
    minimum: 0,
    maximum: MAX_OVERLAP_HOURS,
    example: 24,
    description: 'How long the previous secret keeps signing beside the new one; default WEBHOOK_SECRET_OVERLAP_HOURS (24). 0 retires it at once (a leaked secret).',
  })
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  @Max(MAX_OVERLAP_HOURS)
  overlapHours?: number;
}

export class WebhookDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'https://lms.example/hooks/kubequiz' })
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true })
  events: WebhookEvent[];

  @ApiProperty()
  active: boolean;

  @ApiProperty({
    enum: ['base64', 'raw'],
    description:
      '`base64`: a Standard Webhooks secret (`whsec_` + base64 key). `raw`: a secret issued before Standard Webhooks, whose UTF-8 bytes are the key ' +
      '(Standard Webhooks libraries take it with their raw-key option); such an endpoint also gets the old `Kubequiz-Signature` header until its secret is rotated.',
  })
  secretFormat: SecretFormat;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Until then the secret before the last rotation also signs every delivery' })
  previousSecretExpiresAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class CreatedWebhookDto extends WebhookDto {
  @ApiProperty({ description: 'Standard Webhooks signing secret (`whsec_` + base64 of 32 random bytes); shown only now', example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwPl6mbvzd0oE=' })
  secret: string;
}

export class DeliveryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'delivered', 'failed'] })
  @IsOptional()
  @IsIn(['pending', 'delivered', 'failed'])
  status?: 'pending' | 'delivered' | 'failed';
}

export class WebhookDeliveryDto {
  @ApiProperty({ format: 'uuid', description: 'Also the `webhook-id` header and the body `id`: the same on every try' })
  id: string;

  @ApiProperty({ enum: WEBHOOK_EVENTS })
  event: WebhookEvent;

  @ApiProperty({ enum: ['pending', 'delivered', 'failed'] })
  status: string;

  @ApiProperty({ example: 2 })
  attempts: number;

  @ApiPropertyOptional({ nullable: true, type: Number, example: 200, description: 'HTTP status of the last try; null when no answer came or the target was refused' })
  lastStatusCode: number | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'refused: url host must resolve, and only to public internet addresses',
    description: '`HTTP <status>`, `timed out`, `connection failed`, `TLS handshake failed`, or `refused: <why>` when the target was not called at all',
  })
  lastError: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' })
  nextAttemptAt: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' })
  deliveredAt: string | null;

  @ApiProperty({ description: 'The JSON body as sent (see the `webhooks` section of this document for each event)', example: { id: '…', type: 'attempt.graded', timestamp: '2026-03-01T10:00:00.000Z', data: {} } })
  payload: Record<string, unknown>;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class WebhookDeliveryPageDto {
  @ApiProperty({ type: [WebhookDeliveryDto] })
  items: WebhookDeliveryDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export function toWebhookDto(endpoint: WebhookEndpointEntity, now: Date): WebhookDto {
  const overlapEnds = endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now ? endpoint.previousSecretExpiresAt.toISOString() : null;
  return {
    id: endpoint.id,
    url: endpoint.url,
    events: endpoint.events,
    active: endpoint.active,
    secretFormat: endpoint.secretFormat,
    previousSecretExpiresAt: overlapEnds,
    createdAt: endpoint.createdAt.toISOString(),
  };
}

export function toDeliveryDto(delivery: WebhookDeliveryEntity): WebhookDeliveryDto {
  return {
    id: delivery.id,
    event: delivery.event,
    status: delivery.status,
    attempts: delivery.attempts,
    lastStatusCode: delivery.lastStatusCode,
    lastError: delivery.lastError,
    nextAttemptAt: delivery.nextAttemptAt?.toISOString() ?? null,
    deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
    payload: { ...webhookBody(delivery) },
    createdAt: delivery.createdAt.toISOString(),
  };
}
