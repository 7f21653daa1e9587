import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsDefined, IsIn, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { IsBusinessDate } from '../../common/validation/is-business-date.decorator';
import { EventDtoBase, IsReference } from './event-base.dto';

export class DossierOpenedDto extends EventDtoBase {
  @ApiProperty({ enum: ['DOSSIER_OPENED'] })
  override type: 'DOSSIER_OPENED';

  @ApiProperty({ example: 'NQ-7', description: 'Resolution of the grassroots committee permitting the dossier' })
  @IsReference()
  resolutionNo: string;
}

export class ApplicationFiledDto extends EventDtoBase {
  @ApiProperty({ enum: ['APPLICATION_FILED'], description: 'Form 1-KNĐ' })
  override type: 'APPLICATION_FILED';
}

export class BiographyFiledDto extends EventDtoBase {
  @ApiProperty({ enum: ['BIOGRAPHY_FILED'], description: 'Form 2-KNĐ' })
  override type: 'BIOGRAPHY_FILED';
}

export const VERIFICATION_SCOPES = ['domestic', 'abroad'] as const;

export class VerificationRequestedDto extends EventDtoBase {
  @ApiProperty({ enum: ['VERIFICATION_REQUESTED'], description: 'Reply due in 30 (domestic) or 90 (abroad) working days' })
  override type: 'VERIFICATION_REQUESTED';

  @ApiProperty({ example: 'req-1' })
  @IsReference()
  requestId: string;

  @ApiProperty({ enum: VERIFICATION_SCOPES })
  @IsIn(VERIFICATION_SCOPES)
  scope: (typeof VERIFICATION_SCOPES)[number];

  @ApiProperty({ example: 'father' })
  @IsReference(500)
  subject: string;
}

export class VerificationRepliedDto extends EventDtoBase {
  @ApiProperty({ enum: ['VERIFICATION_REPLIED'] })
  override type: 'VERIFICATION_REPLIED';

  @ApiProperty({ example: 'req-1' })
  @IsReference()
  requestId: string;
}

export class BiographyCertifiedDto extends EventDtoBase {
  @ApiProperty({ enum: ['BIOGRAPHY_CERTIFIED'], description: 'Needs every verification replied' })
  override type: 'BIOGRAPHY_CERTIFIED';

  @ApiProperty({ description: 'The verification found a political issue (a consent is then needed)' })
  @IsBoolean()
  politicalIssue: boolean;
}

export class SponsorDto {
  @ApiProperty({ example: 'Trần Văn Bình' })
  @IsReference()
  name: string;

  @ApiPropertyOptional({ nullable: true, example: 'M-001' })
  @IsOptional()
  @IsReference()
  memberId?: string | null;

  @ApiPropertyOptional({ format: 'date', nullable: true, description: 'Date the sponsor became a full member; null when not a full member' })
  @IsOptional()
  @IsBusinessDate()
  fullMemberSince?: string | null;

  @ApiProperty({ format: 'date', description: 'Since when sponsor and candidate have worked, studied or lived together' })
  @IsBusinessDate()
  togetherSince: string;

  @ApiPropertyOptional({ description: 'A replacement sponsor (exempt from the 12-month condition)' })
  @IsOptional()
  @IsBoolean()
  replacement?: boolean;
}

export class SponsorAddedDto extends EventDtoBase {
  @ApiProperty({ enum: ['SPONSOR_ADDED'] })
  override type: 'SPONSOR_ADDED';

  @ApiProperty({ type: SponsorDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => SponsorDto)
  sponsor: SponsorDto;
}

export const INTRODUCING_BODIES = ['youth_union', 'trade_union'] as const;

export class IntroducingResolutionRecordedDto extends EventDtoBase {
  @ApiProperty({ enum: ['INTRODUCING_RESOLUTION_RECORDED'], description: 'Replaces one sponsor' })
  override type: 'INTRODUCING_RESOLUTION_RECORDED';

  @ApiProperty({ enum: INTRODUCING_BODIES })
  @IsIn(INTRODUCING_BODIES)
  body: (typeof INTRODUCING_BODIES)[number];

  @ApiProperty({ example: 'NQ-DTN-3' })
  @IsReference()
  resolutionNo: string;
}

export class OpinionsRecordedDto extends EventDtoBase {
  @ApiProperty({ enum: ['OPINIONS_RECORDED'] })
  override type: 'OPINIONS_RECORDED';

  @ApiProperty({ type: [String], example: ['Đoàn TNCS Hồ Chí Minh'] })
  @IsArray()
  @ArrayMinSize(0)
  @ArrayMaxSize(50)
  @IsReference(300, { each: true })
  organisations: string[];

  @ApiProperty({ description: 'The opinion of the residence party cell is included' })
  @IsBoolean()
  residenceCell: boolean;
}
