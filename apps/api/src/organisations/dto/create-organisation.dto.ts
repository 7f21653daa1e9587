import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { MAX_BACKLOG_GRACE_WORKING_DAYS, ORGANISATION_KINDS, OrganisationKind } from '@charterflow/organisations';
import { DEFAULT_RULE_PROFILE, ruleProfileIds } from '@charterflow/procedure';
import { IsId } from '../../common/validation/is-id.decorator';

/** Optional, but when present a boolean: `null` is refused too (unlike `@IsOptional()`). */
const AbsentOrBoolean = () => ValidateIf((_object: unknown, value: unknown) => value !== undefined);

export const YOUTH_UNION_DESCRIPTION =
  'Có tổ chức Đoàn Thanh niên Cộng sản Hồ Chí Minh — the unit has a Youth Union organisation (E7, CH Art. 4(1)): there a candidate of youth age (30 or younger on the cell vote date) must be a Youth Union member. The engine reads a case\'s unit as having none when its cell or any organisation above it says false (ADR 0014).';
export const TRADE_UNION_DESCRIPTION =
  'Có tổ chức công đoàn — the unit has a trade-union organisation (E7, CH Art. 4(1)): where it has no Youth Union but a trade union, a candidate of youth age must be a trade-union member. The engine reads a case\'s unit as having none when its cell or any organisation above it says false (ADR 0014).';

/** The office's backlog grace (ADR 0015), on any node; null inherits. */
const BACKLOG_GRACE_PROPERTY = {
  type: 'integer',
  minimum: 0,
  maximum: MAX_BACKLOG_GRACE_WORKING_DAYS,
  nullable: true,
  example: 1,
  description:
    'Working days a reminder or escalation already due when its limit is opened (a step keyed in late) waits, counted from the day it was opened, for the cases below this node; the nearest node with a value decides; null inherits (at the top, the reminder policy, 1 by default)',
} as const;

export const RULE_PROFILE_DESCRIPTION =
  'Quy định áp dụng — the implementing rules of a province (ADR 0023): `central` (the central rules) or `hanoi` (the Hà Nội rules, HN02: the cell sends the dossier up within 5 working days, the grassroots resolution within 25, the database entry within 30 of the decision, the recognition decision within 15 (+15), a re-vote after 45). A case is judged under the profile of its province on the day it opened, for its whole life. Only a province takes one (else 422 RULE_PROFILE_PROVINCE_ONLY).';

/** What an absent flag means: a new unit has the organisation; an update leaves the flag as it was. */
const ABSENT_FLAG = 'When absent: true for a new unit; unchanged by an update.';

/**
 * What a unit is, set at its creation and changed by an update: each field with its validation and documentation,
 * once. An update takes any of them (`PartialType`), and leaves a field it does not name as it was.
 */
class OrganisationFieldsDto {
  @ApiProperty({ example: 'Chi bộ Giáo viên', maxLength: 300 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name: string;

  @ApiPropertyOptional({ description: `${YOUTH_UNION_DESCRIPTION} ${ABSENT_FLAG}` })
  @AbsentOrBoolean()
  @IsBoolean()
  hasYouthUnion?: boolean;

  @ApiPropertyOptional({ description: `${TRADE_UNION_DESCRIPTION} ${ABSENT_FLAG}` })
  @AbsentOrBoolean()
  @IsBoolean()
  hasTradeUnion?: boolean;

  @ApiPropertyOptional(BACKLOG_GRACE_PROPERTY)
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_BACKLOG_GRACE_WORKING_DAYS)
  backlogGraceWorkingDays?: number | null;

  // The values are checked by the service against the profiles the engine knows (VALIDATION_FAILED in Vietnamese).
  @ApiPropertyOptional({ enum: ruleProfileIds(), description: `${RULE_PROFILE_DESCRIPTION} When absent: ${DEFAULT_RULE_PROFILE} for a new province; unchanged by an update.` })
  @IsOptional()
  @IsString()
  ruleProfile?: string;
}

export class CreateOrganisationDto extends OrganisationFieldsDto {
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
}

/** `null` for a flag stays refused in an update: absent means unchanged, not null (`skipNullProperties: false`). */
export class UpdateOrganisationDto extends PartialType(OrganisationFieldsDto, { skipNullProperties: false }) {
  @ApiPropertyOptional({ format: 'uuid', description: 'Move the node (with its subtree) under this parent' })
  @IsOptional()
  @IsId()
  parentId?: string;
}
