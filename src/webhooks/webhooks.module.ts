import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { AttemptWebhooksListener } from './attempt-webhooks.listener.js';
import { WebhookDeliveryEntity } from './entities/webhook-delivery.entity.js';
import { WebhookEndpointEntity } from './entities/webhook-endpoint.entity.js';
import { WebhookEventKeyEntity } from './entities/webhook-event-key.entity.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';
import { WebhookOutbox } from './webhook-outbox.js';
import { WebhooksController } from './webhooks.controller.js';
import { WebhooksService } from './webhooks.service.js';

/** Other modules emit events through the exported WebhookOutbox (catalogue: webhook-events.ts). */
@Module({
  imports: [TypeOrmModule.forFeature([WebhookEndpointEntity, WebhookDeliveryEntity, WebhookEventKeyEntity]), OrganizationsModule],
  controllers: [WebhooksController],
  providers: [WebhooksService, WebhookOutbox, WebhookDispatcher, AttemptWebhooksListener],
  exports: [WebhookOutbox, AttemptWebhooksListener],
})
export class WebhooksModule {}
