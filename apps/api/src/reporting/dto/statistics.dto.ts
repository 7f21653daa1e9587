import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsId } from '../../common/validation/is-id.decorator';

const PERIOD = /^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]|\d{4}))?$/;
const PERIOD_MESSAGE = 'period must be a month (2026-03), quarter (2026-Q1), half-year (2026-H1), year (2026) or term (2025-2030)';

export class StatisticsQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'An organisation of your subtree (default: your organisation)' })
  @IsOptional()
  @IsId()
  organisationId?: string;

  @ApiProperty({ example: '2026-Q1', description: 'Month 2026-03, quarter 2026-Q1, half-year 2026-H1, year 2026, or term 2025-2030' })
  @IsString()
  @Matches(PERIOD, { message: PERIOD_MESSAGE })
  period: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class TargetsQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsId()
  organisationId?: string;

  @ApiPropertyOptional({ example: '2025-2030' })
  @IsOptional()
  @IsString()
  @Matches(PERIOD, { message: PERIOD_MESSAGE })
  period?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class SetTargetDto {
  @ApiProperty({ example: 150, minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  admissions: number;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}
