import { ApiProperty } from '@nestjs/swagger';
import { DELIVERY_STATUSES } from '@charterflow/notifications';

/** One entry of a webhook's delivery log (OpenAPI schema). */
export class WebhookDeliveryDto {
  @ApiProperty({ format: 'uuid', description: 'Also the X-Charterflow-Delivery header and the payload `id`' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  webhookId: string;

  @ApiProperty({ format: 'uuid' })
  notificationId: string;

  @ApiProperty({ enum: DELIVERY_STATUSES })
  status: string;

  @ApiProperty({ description: 'Attempts made so far' })
  attempts: number;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When the next attempt is due (pending only)' })
  nextAttemptAt: string | null;

  @ApiProperty({ nullable: true, type: Number, description: 'HTTP status of the last attempt; null when it got no answer' })
  lastStatusCode: number | null;

  @ApiProperty({ nullable: true, type: String, example: 'HTTP 500' })
  lastError: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  deliveredAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}
