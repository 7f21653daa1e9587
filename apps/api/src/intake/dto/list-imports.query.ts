import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DEFAULT_IMPORT_PAGE_SIZE, MAX_IMPORT_PAGE_SIZE } from '@charterflow/intake';

/** `GET /imports`: a page of the imports of the caller's subtree, newest first. */
export class ListImportsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_IMPORT_PAGE_SIZE, default: DEFAULT_IMPORT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_IMPORT_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}
