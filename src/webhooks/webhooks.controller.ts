import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth } from '../auth/decorators/auth.decorator.js';
import { Authenticated, type AuthRequirements } from '../auth/decorators/authenticated.decorator.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { UuidParamPipe } from '../common/validation/uuid-param.pipe.js';
import {
  CreatedWebhookDto,
  CreateWebhookDto,
  DeliveryQueryDto,
  RotateWebhookSecretDto,
  UpdateWebhookDto,
  WebhookDeliveryDto,
  WebhookDeliveryPageDto,
  WebhookDto,
} from './dto/webhook.dto.js';
import { WEBHOOK_EVENTS } from './webhook-events.js';
import { WebhooksService } from './webhooks.service.js';

const MANAGERS: AuthRequirements = { roles: ['owner'], scopes: ['webhooks:manage'] };

const URL_RULES =
  'The URL must be http(s) without credentials, and its host must resolve only to public internet addresses (422 otherwise); the host is resolved again before every delivery, ' +
  'the request goes to the address that was checked, and redirects are not followed.';

@ApiTags('webhooks')
@Controller('v1/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @Authenticated(MANAGERS)
  @ApiOperation({
    summary: `Subscribe a URL to events (${WEBHOOK_EVENTS.join(', ')})`,
    description:
      'Deliveries follow Standard Webhooks (standardwebhooks.com): a JSON POST with `webhook-id` (the same on every retry), `webhook-timestamp` (unix seconds) and ' +
      '`webhook-signature: v1,<base64 HMAC-SHA256(key, "<webhook-id>.<webhook-timestamp>.<body>")>`, the key being the base64 part of the `whsec_` secret returned here once. ' +
      'Any Standard Webhooks library verifies them. Each event and its body are described in the `webhooks` section of this document. ' +
      'A delivery not answered with 2xx is retried with exponential backoff. ' +
      URL_RULES,
  })
  @ApiCreatedResponse({ type: CreatedWebhookDto })
  @ApiProblems(403, 422)
  create(@Auth() auth: AuthContext, @Body() dto: CreateWebhookDto) {
    return this.webhooks.create(auth, dto);
  }

  @Get()
  @Authenticated(MANAGERS)
  @ApiOperation({ summary: "The organization's webhook endpoints" })
  @ApiOkResponse({ type: [WebhookDto] })
  list(@Auth() auth: AuthContext) {
    return this.webhooks.list(auth);
  }

  @Patch(':webhookId')
  @Authenticated(MANAGERS)
  @ApiOperation({ summary: "Change an endpoint's events or URL", description: `Events replace the list and apply to events from now on. ${URL_RULES}` })
  @ApiOkResponse({ type: WebhookDto })
  @ApiProblems(404, 422)
  update(@Auth() auth: AuthContext, @Param('webhookId', UuidParamPipe) id: string, @Body() dto: UpdateWebhookDto) {
    return this.webhooks.update(auth, id, dto);
  }

  @Post(':webhookId/secret::rotate')
  @HttpCode(200)
  @Authenticated(MANAGERS)
  @ApiOperation({
    summary: 'Rotate the signing secret: the new one is shown once, the old one keeps signing for an overlap',
    description:
      'Until `previousSecretExpiresAt` every delivery carries two signatures, space-separated in `webhook-signature` (new secret first), so a receiver verifies ' +
      'with either secret and can switch at its own pace. A rotation during an overlap drops the oldest secret. `overlapHours: 0` retires the old secret at once.',
  })
  @ApiOkResponse({ type: CreatedWebhookDto })
  @ApiProblems(404, 422)
  rotateSecret(@Auth() auth: AuthContext, @Param('webhookId', UuidParamPipe) id: string, @Body() dto: RotateWebhookSecretDto) {
    return this.webhooks.rotateSecret(auth, id, dto);
  }

  @Delete(':webhookId')
  @HttpCode(204)
  @Authenticated(MANAGERS)
  @ApiOperation({ summary: 'Remove an endpoint (pending deliveries are dropped)' })
  @ApiNoContentResponse()
  @ApiProblems(404)
  async remove(@Auth() auth: AuthContext, @Param('webhookId', UuidParamPipe) id: string): Promise<void> {
    await this.webhooks.remove(auth, id);
  }

  @Get(':webhookId/deliveries')
  @Authenticated(MANAGERS)
  @ApiOperation({ summary: 'Delivery log of an endpoint, newest first' })
  @ApiOkResponse({ type: WebhookDeliveryPageDto })
  @ApiProblems(404, 422)
  deliveries(@Auth() auth: AuthContext, @Param('webhookId', UuidParamPipe) id: string, @Query() query: DeliveryQueryDto) {
    return this.webhooks.deliveries(auth, id, query);
  }

  @Post('deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  @Authenticated(MANAGERS)
  @ApiOperation({ summary: 'Send a delivery again now' })
  @ApiAcceptedResponse({ type: WebhookDeliveryDto })
  @ApiProblems(404)
  redeliver(@Auth() auth: AuthContext, @Param('deliveryId', UuidParamPipe) id: string) {
    return this.webhooks.redeliver(auth, id);
  }
}
