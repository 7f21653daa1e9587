import { ApiProperty } from '@nestjs/swagger';
import { IsId } from '../../common/validation/is-id.decorator';

export class ListWebhooksQuery {
  @ApiProperty({ format: 'uuid', description: 'The organisation whose webhooks are listed' })
  @IsId()
  organisationId: string;
}
