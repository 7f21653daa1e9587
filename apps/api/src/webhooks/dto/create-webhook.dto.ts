import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, IsUrl, MaxLength, MinLength } from 'class-validator';
import { MIN_SECRET_LENGTH } from '@charterflow/notifications';
import { IsId } from '../../common/validation/is-id.decorator';

export class CreateWebhookDto {
  @ApiProperty({ format: 'uuid', description: 'The organisation whose notifications are sent' })
  @IsId()
  organisationId: string;

  @ApiProperty({ example: 'https://hooks.example.vn/charterflow', maxLength: 2000, description: 'Absolute http or https URL receiving the POSTs' })
  // require_tld off: an intranet host or an IP address is a legitimate receiver.
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'url must be an absolute http or https URL' })
  @MaxLength(2000)
  url: string;

  @ApiPropertyOptional({
    minLength: MIN_SECRET_LENGTH,
    maxLength: 256,
    description: 'The HMAC key for X-Charterflow-Signature; generated when absent. Returned once, in this answer only.',
  })
  @IsOptional()
  @IsString()
  @MinLength(MIN_SECRET_LENGTH)
  @MaxLength(256)
  secret?: string;

  @ApiPropertyOptional({ maxLength: 500, example: 'Hệ thống nhắc việc của Đảng ủy phường' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiPropertyOptional({ default: true, description: 'Also receive the notifications of every organisation below this one' })
  @IsOptional()
  @IsBoolean()
  includeSubtree?: boolean;
}
