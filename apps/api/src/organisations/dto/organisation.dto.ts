import { ApiProperty } from '@nestjs/swagger';
import { ORGANISATION_KINDS } from '@charterflow/organisations';
import { ruleProfileIds } from '@charterflow/procedure';
import { RULE_PROFILE_DESCRIPTION, TRADE_UNION_DESCRIPTION, YOUTH_UNION_DESCRIPTION } from './create-organisation.dto';

/** An organisation as answered (OpenAPI schema). */
export class OrganisationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: ORGANISATION_KINDS })
  kind: string;

  @ApiProperty({ format: 'uuid', nullable: true })
  parentId: string | null;

  @ApiProperty()
  authorisedToAdmit: boolean;

  @ApiProperty({ description: `${YOUTH_UNION_DESCRIPTION} This node's own flag.` })
  hasYouthUnion: boolean;

  @ApiProperty({ description: `${TRADE_UNION_DESCRIPTION} This node's own flag.` })
  hasTradeUnion: boolean;

  @ApiProperty({ type: 'integer', nullable: true, description: 'The backlog grace set on this node (working days); null: inherited' })
  backlogGraceWorkingDays: number | null;

  @ApiProperty({ enum: ruleProfileIds(), nullable: true, description: `${RULE_PROFILE_DESCRIPTION} null on every kind but a province.` })
  ruleProfile: string | null;
}
