import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsBusinessDate } from '../../common/validation/is-business-date.decorator';
import { IsId } from '../../common/validation/is-id.decorator';

export const MAX_WORKING_DAYS_QUERY = 1000;

export class WorkingDaysQuery {
  @ApiProperty({ format: 'date', example: '2026-01-15', description: 'The trigger date; counting starts the day after' })
  @IsBusinessDate()
  from: string;

  @ApiProperty({ minimum: 0, maximum: MAX_WORKING_DAYS_QUERY, example: 45 })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_WORKING_DAYS_QUERY)
  add: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'Count on the calendar of this organisation’s province (default: your own)' })
  @IsOptional()
  @IsId()
  organisationId?: string;
}

export class WorkingDaysAnswerDto {
  @ApiProperty({ format: 'date', example: '2026-01-15' })
  from: string;

  @ApiProperty({ example: 45 })
  add: number;

  @ApiProperty({ format: 'date', example: '2026-03-26', description: 'The add-th working day after from' })
  date: string;
}
