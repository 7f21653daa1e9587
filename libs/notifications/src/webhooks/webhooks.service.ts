import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@charterflow/config';
import { OrganisationsService } from '@charterflow/organisations';
import { Scope, WHOLE_TREE } from '@charterflow/organisations';
import { MIN_SECRET_LENGTH, RegisteredWebhook, RegisterWebhookInput, WebhookDeliveryView, WebhookView } from './webhook';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhooksRepository } from './webhooks.repository';
import { privateHostProblem } from './target-guard';
import { Clock, DomainException } from '@charterflow/kernel';

/** Registration, listing and removal of an organisation's webhooks, and their delivery log. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly organisations: OrganisationsService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** Registers a webhook; the answer carries the secret, which is never shown again. */
  async register(input: RegisterWebhookInput, scope: Scope = WHOLE_TREE): Promise<RegisteredWebhook> {
    const url = httpUrlOrNull(input.url);
    if (!url) throw DomainException.validation([{ field: 'url', message: 'url must be an absolute http or https URL' }]);
    const local = this.config.WEBHOOK_ALLOW_PRIVATE_TARGETS ? null : privateHostProblem(new URL(url).hostname);
    if (local) throw DomainException.validation([{ field: 'url', message: `${local} (set WEBHOOK_ALLOW_PRIVATE_TARGETS=true to allow it)` }]);
    if (input.secret !== undefined && (typeof input.secret !== 'string' || input.secret.length < MIN_SECRET_LENGTH)) {
      throw DomainException.validation([{ field: 'secret', message: `secret must be at least ${MIN_SECRET_LENGTH} characters` }]);
    }
    await this.requireOrganisation(input.organisationId, scope);
    // 32 random bytes: 256 bits, the size of the HMAC-SHA256 key.
    const secret = input.secret ?? `whsec_${randomBytes(32).toString('base64url')}`;
    const view = await this.webhooks.insert({
      organisationId: input.organisationId,
      url,
      secret,
      description: input.description ?? null,
      includeSubtree: input.includeSubtree ?? true,
      createdAt: this.clock.now(),
    });
    return { ...view, secret };
  }

  /** The webhooks of an organisation in `scope`; NOT_FOUND outside it. */
  async list(organisationId: string, scope: Scope = WHOLE_TREE): Promise<WebhookView[]> {
    await this.organisations.get(organisationId, scope);
    return this.webhooks.listByOrganisation(organisationId);
  }

  /** Stops deliveries to a webhook (its pending ones are given up). Idempotent; NOT_FOUND when unknown or outside `scope`. */
  async deactivate(id: string, scope: Scope = WHOLE_TREE): Promise<void> {
    await this.requireWebhook(id, scope);
    if (!(await this.webhooks.deactivate(id, this.clock.now()))) throw DomainException.notFound('Webhook', id);
  }

  /** The delivery log of a webhook, newest first. */
  async deliveriesOf(webhookId: string, limit = 50, scope: Scope = WHOLE_TREE): Promise<WebhookDeliveryView[]> {
    await this.requireWebhook(webhookId, scope);
    return this.deliveries.listByWebhook(webhookId, limit);
  }

  private async requireWebhook(id: string, scope: Scope): Promise<WebhookView> {
    const webhook = await this.webhooks.findById(id);
    const visible = webhook ? await this.organisations.get(webhook.organisationId, scope).then(() => true, () => false) : false;
    if (!webhook || !visible) throw DomainException.notFound('Webhook', id);
    return webhook;
  }

  /** An unknown organisation (or one outside `scope`) is a bad input here (VALIDATION_FAILED naming the field). */
  private async requireOrganisation(organisationId: string, scope: Scope): Promise<void> {
    try {
      await this.organisations.get(organisationId, scope);
    } catch (error) {
      if (error instanceof DomainException && error.code === 'NOT_FOUND') {
        throw DomainException.validation([{ field: 'organisationId', message: `organisation ${organisationId} does not exist` }]);
      }
      throw error;
    }
  }
}

/** The URL normalised, when it is absolute http(s) with a host; else null. */
function httpUrlOrNull(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname ? url.href : null;
  } catch {
    return null;
  }
}
