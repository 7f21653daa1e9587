import { ApiProperty } from '@nestjs/swagger';
import { DEADLINE_KINDS } from '@charterflow/procedure';
import { NOTIFICATION_KINDS } from '@charterflow/notifications';

// Response schemas for OpenAPI. The answers themselves are the inbox service's views.

export class BilingualTextDto {
  @ApiProperty({ description: 'Vietnamese (shown first)' })
  vi: string;

  @ApiProperty({ description: 'English' })
  en: string;
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  organisationId: string;

  @ApiProperty({ example: 'cell_secretary' })
  role: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  caseId: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  deadlineId: string | null;

  @ApiProperty({ enum: NOTIFICATION_KINDS })
  kind: string;

  @ApiProperty({ nullable: true, type: String, example: 'remind-10wd', description: `Firing phase; the deadline kinds are ${DEADLINE_KINDS.join(', ')}` })
  phase: string | null;

  @ApiProperty({ format: 'date', nullable: true, type: String })
  dueOn: string | null;

  @ApiProperty({ type: BilingualTextDto })
  title: BilingualTextDto;

  @ApiProperty({ type: BilingualTextDto })
  body: BilingualTextDto;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  readAt: string | null;
}

export class NotificationListDto {
  @ApiProperty({ type: [NotificationDto] })
  items: NotificationDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}
