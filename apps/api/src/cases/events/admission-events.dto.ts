import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { IsBusinessDate } from '../../common/validation/is-business-date.decorator';
import { EventDtoBase, IsReference } from './event-base.dto';

// Vote counts are whole numbers only: whether they make sense together (negative, more in favour than voters…)
// is the procedure's VOTE_COUNTS_INVALID rule, answered 422.

export class CellVoteRecordedDto extends EventDtoBase {
  @ApiProperty({ enum: ['CELL_VOTE_RECORDED'], description: '≥ 2/3 of (fullMembers − excluded) in favour → grassrootsReview, else notAdmitted' })
  override type: 'CELL_VOTE_RECORDED';

  @ApiProperty({ example: 9 })
  @IsInt()
  fullMembers: number;

  @ApiProperty({ example: 0, description: 'Full members not counted: attached elsewhere, exempt and absent, suspended, detained' })
  @IsInt()
  excluded: number;

  @ApiProperty({ example: 6 })
  @IsInt()
  inFavour: number;
}

export class GrassrootsVoteRecordedDto extends EventDtoBase {
  @ApiProperty({ enum: ['GRASSROOTS_VOTE_RECORDED'], description: '≥ 2/3 → superiorReview (an authorised grassroots committee decides: → awaitingCeremony)' })
  override type: 'GRASSROOTS_VOTE_RECORDED';

  @ApiProperty({ example: 9 })
  @IsInt()
  committeeMembers: number;

  @ApiProperty({ example: 7 })
  @IsInt()
  inFavour: number;
}

export class AdmissionDecidedDto extends EventDtoBase {
  @ApiProperty({ enum: ['ADMISSION_DECIDED'], description: '> 1/2 → awaitingCeremony, else notAdmitted' })
  override type: 'ADMISSION_DECIDED';

  @ApiProperty({ example: '123-QĐ/ĐU' })
  @IsReference()
  decisionNo: string;

  @ApiProperty({ example: 7 })
  @IsInt()
  standingMembers: number;

  @ApiProperty({ example: 5 })
  @IsInt()
  inFavour: number;

  @ApiProperty({ format: 'date', description: 'The day the cell received the decision: the ceremony’s 30 working days count from it' })
  @IsBusinessDate()
  receivedOn: string;
}

export class HelperDto {
  @ApiProperty({ example: 'Trần Văn Bình' })
  @IsReference()
  name: string;

  @ApiPropertyOptional({ nullable: true, example: 'M-001' })
  @IsOptional()
  @IsReference()
  memberId?: string | null;
}

export class CeremonyHeldDto extends EventDtoBase {
  @ApiProperty({ enum: ['CEREMONY_HELD'], description: 'Probation starts on this date' })
  override type: 'CEREMONY_HELD';

  @ApiProperty({ type: HelperDto, description: 'The full member assigned to help the new member' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => HelperDto)
  helper: HelperDto;
}
