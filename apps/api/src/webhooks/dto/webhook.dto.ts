import { ApiProperty } from '@nestjs/swagger';

/** A webhook as answered (OpenAPI schema); the secret is never listed. */
export class WebhookDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  organisationId: string;

  @ApiProperty()
  url: string;

  @ApiProperty({ nullable: true, type: String })
  description: string | null;

  @ApiProperty({ description: 'False once deleted (deactivated)' })
  active: boolean;

  @ApiProperty({ description: 'Also receives the notifications of every organisation below this one' })
  includeSubtree: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

/** The answer to a registration: the one time the secret is shown. */
export class RegisteredWebhookDto extends WebhookDto {
  @ApiProperty({ description: 'The HMAC-SHA256 key of X-Charterflow-Signature. Shown only in this answer: store it now.' })
  secret: string;
}
