import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ORGANISATION_KINDS, OrganisationKind } from '@charterflow/organisations';
import { IsId } from '../../common/validation/is-id.decorator';

/** The office's backlog grace (ADR 0015), on any node; null inherits. */
const BACKLOG_GRACE_PROPERTY = {
  type: 'integer',
  minimum: 0,
  maximum: 10,
  nullable: true,
  example: 1,
  description:
    'Working days a reminder or escalation already due when its limit is opened (a step keyed in late) waits, counted from the day it was opened, for the cases below this node; the nearest node with a value decides; null inherits (at the top, the reminder policy, 1 by default)',
} as const;

export class CreateOrganisationDto {
  @ApiProperty({ example: 'Chi bộ Giáo viên', maxLength: 300 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name: string;

  @ApiProperty({ enum: ORGANISATION_KINDS, example: 'cell' })
  @IsIn(ORGANISATION_KINDS)
  kind: OrganisationKind;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'The parent node; none for a province' })
  @IsOptional()
  @IsId()
  parentId?: string | null;

  @ApiPropertyOptional({ description: 'A grassroots committee authorised to decide admissions itself', default: false })
  @IsOptional()
  @IsBoolean()
  authorisedToAdmit?: boolean;

  @ApiPropertyOptional(BACKLOG_GRACE_PROPERTY)
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10)
  backlogGraceWorkingDays?: number | null;
}

export class UpdateOrganisationDto {
  @ApiPropertyOptional({ example: 'Chi bộ Giáo viên', maxLength: 300 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Move the node (with its subtree) under this parent' })
  @IsOptional()
  @IsId()
  parentId?: string;

  @ApiPropertyOptional(BACKLOG_GRACE_PROPERTY)
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10)
  backlogGraceWorkingDays?: number | null;
}
