import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/**
 * The paging of a keyset-paged list's query: `limit` (1 to `max` items, `fallback` when absent: the library's own
 * page sizes) and `cursor` (the `nextCursor` of the page before). A list's query class extends it.
 */
export function PageQuery(max: number, fallback: number) {
  class Page {
    @ApiPropertyOptional({ minimum: 1, maximum: max, default: fallback })
    @IsOptional()
    @Type(() => Number)
    @IsInt()
    @Min(1)
    @Max(max)
    limit?: number;

    @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page' })
    @IsOptional()
    @IsString()
    @MaxLength(500)
    cursor?: string;
  }
  return Page;
}
