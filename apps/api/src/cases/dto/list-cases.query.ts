import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { TOP_STATES, TopState } from '@charterflow/procedure';
import { IsBusinessDate } from '../../common/validation/is-business-date.decorator';
import { IsId } from '../../common/validation/is-id.decorator';

export class ListCasesQuery {
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

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}
