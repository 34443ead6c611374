import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsUrl } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page.js';
import type { WebhookDeliveryEntity } from '../entities/webhook-delivery.entity.js';
import type { WebhookEndpointEntity } from '../entities/webhook-endpoint.entity.js';
import { WEBHOOK_EVENTS, type WebhookEvent } from '../webhook-events.js';

export class CreateWebhookDto {
  @ApiProperty({ example: 'https://lms.example/hooks/kubequiz' })
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'], require_tld: false })
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENTS, { each: true })
  events: WebhookEvent[];
}

export class WebhookDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true })
  events: WebhookEvent[];

  @ApiProperty()
  active: boolean;

  @ApiProperty()
  createdAt: string;
}

export class CreatedWebhookDto extends WebhookDto {
  @ApiProperty({ description: 'HMAC-SHA256 signing secret; shown only now', example: 'whsec_3q2+7w…' })
  secret: string;
}

export class DeliveryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'delivered', 'failed'] })
  @IsOptional()
  @IsIn(['pending', 'delivered', 'failed'])
  status?: 'pending' | 'delivered' | 'failed';
}

export class WebhookDeliveryDto {
  @ApiProperty({ format: 'uuid' })
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

  @ApiPropertyOptional({ nullable: true, type: String })
  nextAttemptAt: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  deliveredAt: string | null;

  @ApiProperty()
  payload: Record<string, unknown>;

  @ApiProperty()
  createdAt: string;
}

export class WebhookDeliveryPageDto {
  @ApiProperty({ type: [WebhookDeliveryDto] })
  items: WebhookDeliveryDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export function toWebhookDto(endpoint: WebhookEndpointEntity): WebhookDto {
  return { id: endpoint.id, url: endpoint.url, events: endpoint.events, active: endpoint.active, createdAt: endpoint.createdAt.toISOString() };
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
    payload: delivery.payload,
    createdAt: delivery.createdAt.toISOString(),
  };
}
