import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class ListWebhooksQuery {
  @ApiProperty({ format: 'uuid', description: 'The organisation whose webhooks are listed' })
  @IsUUID()
  organisationId: string;
}
