import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { DEADLINE_KINDS, EVENT_TYPES } from '@charterflow/procedure';
import { DUE_SOON_WORKING_DAYS, WORKLIST_MAX_CASES, WORKLIST_REASONS } from '@charterflow/cases';
import { IsId } from '../common/validation/is-id.decorator';

export class WorklistQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the cases of this unit and its subtree (it must lie in the account’s own subtree)' })
  @IsOptional()
  @IsId()
  organisationId?: string;
}

export class WorklistItemDto {
  @ApiProperty({ format: 'uuid' })
  caseId: string;

  @ApiProperty({ example: 'Nguyễn Thị Lan' })
  candidateName: string;

  @ApiProperty({ format: 'uuid', description: 'The case’s cell' })
  organisationId: string;

  @ApiProperty({
    enum: WORKLIST_REASONS,
    description: `overdue: a limit passed and its step is not recorded; due_soon: a limit falls due within ${DUE_SOON_WORKING_DAYS} working days; your_step: a step allowed now is one the account’s own body records. A case appears once, for its most urgent reason.`,
  })
  reason: string;

  @ApiPropertyOptional({ enum: DEADLINE_KINDS, description: 'overdue and due_soon: the earliest pending limit' })
  deadlineKind?: string;

  @ApiPropertyOptional({ format: 'date' })
  dueOn?: string;

  @ApiPropertyOptional({ description: 'overdue: working days late (≥ 1); due_soon: working days left (0 when due today)' })
  workingDays?: number;

  @ApiProperty({ enum: EVENT_TYPES, isArray: true, description: 'The steps allowed now that this account may record' })
  events: string[];
}

export class WorklistCountsDto {
  @ApiProperty()
  overdue: number;

  @ApiProperty()
  due_soon: number;

  @ApiProperty()
  your_step: number;
}

export class WorklistDto {
  @ApiProperty({ type: [WorklistItemDto], description: 'Most urgent first: overdue (latest first), due soon (fewest days left first), then steps to record' })
  items: WorklistItemDto[];

  @ApiProperty({ type: WorklistCountsDto })
  counts: WorklistCountsDto;

  @ApiProperty({ description: `True when the subtree holds more than ${WORKLIST_MAX_CASES} active cases (the earliest limits are read); narrow with organisationId` })
  truncated: boolean;
}
