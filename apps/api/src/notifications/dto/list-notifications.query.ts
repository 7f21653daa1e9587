import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { RECIPIENT_ROLES } from '@charterflow/delivery';
import { DEFAULT_INBOX_PAGE_SIZE, MAX_INBOX_PAGE_SIZE } from '@charterflow/notifications';
import { IsId } from '../../common/validation/is-id.decorator';
import { PageQuery } from '../../common/validation/page-query';

export class ListNotificationsQuery extends PageQuery(MAX_INBOX_PAGE_SIZE, DEFAULT_INBOX_PAGE_SIZE) {
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
}
