import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { RECIPIENT_ROLES } from '@charterflow/delivery';
import { MAX_INBOX_PAGE_SIZE } from '@charterflow/notifications';
import { IsId } from '../../common/validation/is-id.decorator';

export class ListNotificationsQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'One organisation of your subtree; absent: every inbox of your subtree' })
  @IsOptional()
  @IsId()
  organisationId?: string;

  @ApiPropertyOptional({ enum: RECIPIENT_ROLES, description: 'Only notifications addressed to this role' })
  @IsOptional()
  @IsIn(RECIPIENT_ROLES)
  role?: string;

  @ApiPropertyOptional({ type: Boolean, description: '`true`: unread only; `false`: read only; absent: both' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'unread must be true or false' })
  unread?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_INBOX_PAGE_SIZE, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_INBOX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}
