import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsObject, ValidateNested } from 'class-validator';
import { DEADLINE_KINDS, DeadlineKind } from '@charterflow/procedure';
import { IsBusinessDate } from '../../common/validation/is-business-date.decorator';
import { CandidateDto } from '../dto/candidate.dto';
import { EventDtoBase, IsReference } from './event-base.dto';

/** First row of every history, recorded by `POST /cases`; staff sending it as an event get 403. */
export class CaseOpenedDto extends EventDtoBase {
  @ApiProperty({ enum: ['CASE_OPENED'], description: 'Recorded by POST /cases only: staff sending it get 403' })
  override type: 'CASE_OPENED';

  @ApiProperty({ type: CandidateDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => CandidateDto)
  candidate: CandidateDto;
}

export class AwarenessCertificateRecordedDto extends EventDtoBase {
  @ApiProperty({ enum: ['AWARENESS_CERTIFICATE_RECORDED'] })
  override type: 'AWARENESS_CERTIFICATE_RECORDED';

  @ApiProperty({ example: '123/CN' })
  @IsReference()
  certificateNo: string;

  @ApiProperty({ format: 'date', description: 'The certificate is valid 60 months from this date' })
  @IsBusinessDate()
  issuedOn: string;

  @ApiProperty({ example: 'Trung tâm chính trị phường' })
  @IsReference()
  issuer: string;
}

export const CONSENT_KINDS = ['over_60', 'education_exception', 'late_ceremony', 'political', 'readmission'] as const;

export class ConsentRecordedDto extends EventDtoBase {
  @ApiProperty({ enum: ['CONSENT_RECORDED'] })
  override type: 'CONSENT_RECORDED';

  @ApiProperty({ enum: CONSENT_KINDS })
  @IsIn(CONSENT_KINDS)
  kind: (typeof CONSENT_KINDS)[number];

  @ApiProperty({ example: 'Ban Tổ chức Trung ương' })
  @IsReference()
  issuer: string;

  @ApiProperty({ example: '45-CV/BTCTW' })
  @IsReference()
  documentNo: string;
}

export class DeadlineExtendedDto extends EventDtoBase {
  @ApiProperty({ enum: ['DEADLINE_EXTENDED'] })
  override type: 'DEADLINE_EXTENDED';

  @ApiProperty({ enum: DEADLINE_KINDS })
  @IsIn(DEADLINE_KINDS)
  deadlineKind: DeadlineKind;

  @ApiProperty({ maxLength: 2000 })
  @IsReference(2000)
  reason: string;
}

export class WithdrawnDto extends EventDtoBase {
  @ApiProperty({ enum: ['WITHDRAWN'] })
  override type: 'WITHDRAWN';

  @ApiProperty({ example: 'Chuyển công tác ra nước ngoài', maxLength: 2000 })
  @IsReference(2000)
  reason: string;
}
