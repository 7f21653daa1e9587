import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { IsBusinessDate } from '../../common/validation/is-business-date.decorator';
import { EventDtoBase, IsReference } from './event-base.dto';
import { CellVoteCountsDto, CommitteeVoteCountsDto, DecisionCountsDto } from './vote-counts.dto';

export class CellVoteRecordedDto extends CellVoteCountsDto {
  @ApiProperty({ enum: ['CELL_VOTE_RECORDED'], description: '≥ 2/3 of (fullMembers − excluded) in favour → grassrootsReview, else notAdmitted' })
  override type: 'CELL_VOTE_RECORDED';
}

export class GrassrootsVoteRecordedDto extends CommitteeVoteCountsDto {
  @ApiProperty({ enum: ['GRASSROOTS_VOTE_RECORDED'], description: '≥ 2/3 → superiorReview (an authorised grassroots committee decides: → awaitingCeremony)' })
  override type: 'GRASSROOTS_VOTE_RECORDED';
}

export class AdmissionDecidedDto extends DecisionCountsDto {
  @ApiProperty({ enum: ['ADMISSION_DECIDED'], description: '> 1/2 → awaitingCeremony, else notAdmitted' })
  override type: 'ADMISSION_DECIDED';

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
