import { ApiProperty } from '@nestjs/swagger';
import { DEADLINE_KINDS, EVENT_TYPES } from '@charterflow/procedure';

export class DeskLimitDto {
  @ApiProperty({ format: 'uuid' }) deadlineId: string;
  @ApiProperty({ enum: DEADLINE_KINDS }) kind: string;
  @ApiProperty({ format: 'date' }) dueOn: string;
  @ApiProperty({ enum: ['open', 'met', 'missed', 'cancelled'] }) status: string;
  @ApiProperty({ description: 'Working days from today to the due day (0 when due today); null once the limit is closed' , nullable: true, type: Number })
  workingDaysLeft: number | null;
  @ApiProperty({ description: 'Working days past the due day while the step is still pending; null otherwise', nullable: true, type: Number })
  workingDaysLate: number | null;
}

/** What the signed-in account can do on a case today. */
export class CaseDeskDto {
  @ApiProperty({ format: 'date', description: 'Today in Asia/Ho_Chi_Minh' }) today: string;
  @ApiProperty({ enum: EVENT_TYPES, isArray: true, description: 'The steps allowed now that this account may record (none for an inspector)' })
  recordableEvents: string[];
  @ApiProperty({ type: [DeskLimitDto] }) limits: DeskLimitDto[];
}
