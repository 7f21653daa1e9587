import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, ValidateNested } from 'class-validator';
import { IsBusinessDate } from '../../common/validation/is-business-date.decorator';
import { CandidateDto } from './candidate.dto';
import { IsId } from '../../common/validation/is-id.decorator';

export class CreateCaseDto {
  @ApiProperty({ format: 'uuid', description: 'The party cell the candidate belongs to' })
  @IsId()
  organisationId: string;

  @ApiProperty({ example: '2026-01-05', format: 'date', description: 'Date of the cell resolution putting the person on the sympathiser list' })
  @IsBusinessDate()
  occurredOn: string;

  @ApiProperty({ type: CandidateDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => CandidateDto)
  candidate: CandidateDto;
}
