import { ApiProperty } from '@nestjs/swagger';
import { IsInt } from 'class-validator';
import { EventDtoBase, IsReference } from './event-base.dto';

// The counts of the three kinds of vote, shared by the admission and the recognition events. Counts are whole
// numbers only: whether they make sense together (negative, more in favour than voters…) is the procedure's
// VOTE_COUNTS_INVALID rule, answered 422.

/** A cell meeting's vote: every full member, less those not counted. */
export abstract class CellVoteCountsDto extends EventDtoBase {
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

/** A grassroots committee's vote. */
export abstract class CommitteeVoteCountsDto extends EventDtoBase {
  @ApiProperty({ example: 9 })
  @IsInt()
  committeeMembers: number;

  @ApiProperty({ example: 7 })
  @IsInt()
  inFavour: number;
}

/** A competent standing committee's decision. */
export abstract class DecisionCountsDto extends EventDtoBase {
  @ApiProperty({ example: '123-QĐ/ĐU' })
  @IsReference()
  decisionNo: string;

  @ApiProperty({ example: 7 })
  @IsInt()
  standingMembers: number;

  @ApiProperty({ example: 5 })
  @IsInt()
  inFavour: number;
}
