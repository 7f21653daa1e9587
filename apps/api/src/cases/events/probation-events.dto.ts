import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { EventDtoBase, IsReference } from './event-base.dto';
import { CellVoteCountsDto, CommitteeVoteCountsDto, DecisionCountsDto } from './vote-counts.dto';

export const RECOGNITION_MOTIONS = ['recognise', 'remove'] as const;
type Motion = (typeof RECOGNITION_MOTIONS)[number];

export class MemberRecordsFiledDto extends EventDtoBase {
  @ApiProperty({ enum: ['MEMBER_RECORDS_FILED'], description: 'The new member’s records are filed' })
  override type: 'MEMBER_RECORDS_FILED';
}

export class NewMemberClassCompletedDto extends EventDtoBase {
  @ApiProperty({ enum: ['NEW_MEMBER_CLASS_COMPLETED'] })
  override type: 'NEW_MEMBER_CLASS_COMPLETED';

  @ApiProperty({ example: 'BD-9' })
  @IsReference()
  certificateNo: string;
}

export class ProbationEndedDto extends EventDtoBase {
  @ApiProperty({ enum: ['PROBATION_ENDED'], description: 'Recorded by the engine on the probation end date: staff sending it get 403' })
  override type: 'PROBATION_ENDED';
}

export class SelfReviewSubmittedDto extends EventDtoBase {
  @ApiProperty({ enum: ['SELF_REVIEW_SUBMITTED'], description: 'Only after probation ends' })
  override type: 'SELF_REVIEW_SUBMITTED';
}

export class HelperAssessmentSubmittedDto extends EventDtoBase {
  @ApiProperty({ enum: ['HELPER_ASSESSMENT_SUBMITTED'], description: 'Only after probation ends' })
  override type: 'HELPER_ASSESSMENT_SUBMITTED';
}

export class RecognitionOpinionsRecordedDto extends EventDtoBase {
  @ApiProperty({ enum: ['RECOGNITION_OPINIONS_RECORDED'], description: 'Only after probation ends' })
  override type: 'RECOGNITION_OPINIONS_RECORDED';
}

export class RecognitionCellVoteRecordedDto extends CellVoteCountsDto {
  @ApiProperty({ enum: ['RECOGNITION_CELL_VOTE_RECORDED'] })
  override type: 'RECOGNITION_CELL_VOTE_RECORDED';

  @ApiProperty({ enum: RECOGNITION_MOTIONS })
  @IsIn(RECOGNITION_MOTIONS)
  motion: Motion;
}

export class RecognitionGrassrootsVoteRecordedDto extends CommitteeVoteCountsDto {
  @ApiProperty({ enum: ['RECOGNITION_GRASSROOTS_VOTE_RECORDED'] })
  override type: 'RECOGNITION_GRASSROOTS_VOTE_RECORDED';

  @ApiProperty({ enum: RECOGNITION_MOTIONS })
  @IsIn(RECOGNITION_MOTIONS)
  motion: Motion;
}

export class RecognitionDecidedDto extends DecisionCountsDto {
  @ApiProperty({ enum: ['RECOGNITION_DECIDED'], description: 'recognise → fullMember dated at probation end; remove → removed' })
  override type: 'RECOGNITION_DECIDED';

  @ApiProperty({ enum: RECOGNITION_MOTIONS })
  @IsIn(RECOGNITION_MOTIONS)
  motion: Motion;
}
