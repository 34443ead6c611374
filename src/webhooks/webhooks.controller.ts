import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth } from '../auth/decorators/auth.decorator.js';
import { Authenticated, type AuthRequirements } from '../auth/decorators/authenticated.decorator.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { UuidParamPipe } from '../common/validation/uuid-param.pipe.js';
import { CreatedWebhookDto, CreateWebhookDto, DeliveryQueryDto, WebhookDeliveryDto, WebhookDeliveryPageDto, WebhookDto } from './dto/webhook.dto.js';
import { WebhooksService } from './webhooks.service.js';

const MANAGERS: AuthRequirements = { roles: ['owner'], scopes: ['webhooks:manage'] };

@ApiTags('webhooks')
@Controller('v1/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @Authenticated(MANAGERS)
  @ApiOperation({
    summary: 'Subscribe a URL to events (attempt.submitted, attempt.graded, certificate.issued)',
    description:
      'Each POST carries `Kubequiz-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`; failed deliveries are retried with exponential backoff. ' +
      'The URL must be http(s) without credentials, and its host must resolve only to public internet addresses (422 otherwise); the host is resolved again before every delivery, ' +
      'the request goes to the address that was checked, and redirects are not followed.',
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
