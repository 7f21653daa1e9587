import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WebhooksService } from '@charterflow/notifications';
import { ApiErrors } from '../common/openapi/api-errors.decorator';
import { uuidParam } from '../common/validation/parse-uuid.pipe';
import { CreateWebhookDto } from './dto/create-webhook.dto';
import { ListDeliveriesQuery } from './dto/list-deliveries.query';
import { ListWebhooksQuery } from './dto/list-webhooks.query';
import { RegisteredWebhookDto, WebhookDto } from './dto/webhook.dto';
import { WebhookDeliveryDto } from './dto/webhook-delivery.dto';
import type { Scope } from '@charterflow/organisations';
import { RequirePermission } from '../auth/access.decorators';
import { CurrentScope } from '../auth/current-principal.decorator';

@ApiTags('webhooks')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @RequirePermission('webhooks.manage')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Register a webhook receiving the notifications of an organisation (and of its subtree)',
    description: 'The answer carries the signing secret; it is never shown again. See docs/webhooks.md for headers, payload and retries.',
  })
  @ApiCreatedResponse({ type: RegisteredWebhookDto })
  @ApiErrors(400)
  create(@Body() dto: CreateWebhookDto, @CurrentScope() scope: Scope) {
    return this.webhooks.register({
      organisationId: dto.organisationId,
      url: dto.url,
      secret: dto.secret,
      description: dto.description ?? null,
      includeSubtree: dto.includeSubtree,
    }, scope);
  }

  @Get()
  @RequirePermission('webhooks.read')
  @ApiOperation({ summary: 'List the webhooks of an organisation (secrets are never listed)' })
  @ApiOkResponse({ type: [WebhookDto] })
  @ApiErrors(400)
  list(@Query() query: ListWebhooksQuery, @CurrentScope() scope: Scope) {
    return this.webhooks.list(query.organisationId, scope);
  }

  @Delete(':id')
  @RequirePermission('webhooks.manage')
  @HttpCode(204)
  @ApiOperation({ summary: 'Deactivate a webhook: nothing more is sent to it, its pending deliveries are given up' })
  @ApiNoContentResponse()
  @ApiErrors(400, 404)
  async remove(@Param('id', uuidParam()) id: string, @CurrentScope() scope: Scope): Promise<void> {
    await this.webhooks.deactivate(id, scope);
  }

  @Get(':id/deliveries')
  @RequirePermission('webhooks.read')
  @ApiOperation({ summary: 'The delivery log of a webhook, newest first' })
  @ApiOkResponse({ type: [WebhookDeliveryDto] })
  @ApiErrors(400, 404)
  deliveries(@Param('id', uuidParam()) id: string, @Query() query: ListDeliveriesQuery, @CurrentScope() scope: Scope) {
    return this.webhooks.deliveriesOf(id, query.limit ?? 50, scope);
  }
}
