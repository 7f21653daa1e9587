import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsBusinessDate } from '../../common/validation/is-business-date.decorator';
import { IsId } from '../../common/validation/is-id.decorator';

export class ViolationsQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'An organisation of your subtree (default: your whole subtree)' })
  @IsOptional()
  @IsId()
  organisationId?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Breaches detected on or after this date' })
  @IsOptional()
  @IsBusinessDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Breaches detected on or before this date' })
  @IsOptional()
  @IsBusinessDate()
  to?: string;

  @ApiPropertyOptional({ type: String, example: 'A15,A16', description: 'Check ids (A-numbers), comma-separated or repeated' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => {
    const items: unknown = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : value;
    return Array.isArray(items) ? items.map((v: unknown) => (typeof v === 'string' ? v.trim().toUpperCase() : v)) : items;
  })
  @IsArray()
  @ArrayMaxSize(30)
  @Matches(/^A\d{1,2}$/, { each: true, message: 'check must list ids like A15' })
  check?: string[];

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json', description: '`csv`: every item of the filter, for a spreadsheet' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(300)
  cursor?: string;
}
