import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@charterflow/cases';
import { TOP_STATES, TopState } from '@charterflow/procedure';
import { IsBusinessDate } from '../../common/validation/is-business-date.decorator';
import { IsId } from '../../common/validation/is-id.decorator';
import { PageQuery } from '../../common/validation/page-query';

export class ListCasesQuery extends PageQuery(MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE) {
  @ApiPropertyOptional({ enum: TOP_STATES })
  @IsOptional()
  @IsIn(TOP_STATES)
  state?: TopState;

  @ApiPropertyOptional({ format: 'uuid', description: 'Cases of this organisation and its subtree' })
  @IsOptional()
  @IsId()
  organisationId?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Cases with a limit still pending (open, or passed with its step not recorded) due on or before this date: overdue cases included' })
  @IsOptional()
  @IsBusinessDate()
  dueBefore?: string;

  @ApiPropertyOptional({ description: 'Search in the candidate name (diacritics ignored)', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  q?: string;
}
