import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DEFAULT_IMPORT_ROWS_PAGE, IMPORT_ROW_FILTERS, type ImportRowFilter, MAX_IMPORT_ROWS_PAGE } from '@charterflow/intake';
import { PageQuery } from '../../common/validation/page-query';

/** `GET /imports/{id}/rows`: a page of an import's report, in the file's order. */
export class ImportRowsQueryDto extends PageQuery(MAX_IMPORT_ROWS_PAGE, DEFAULT_IMPORT_ROWS_PAGE) {
  @ApiPropertyOptional({ enum: IMPORT_ROW_FILTERS, default: 'all', description: '`refused`: only the refused rows; `flagged`: only the rows imported with a waived rule' })
  @IsOptional()
  @IsIn(IMPORT_ROW_FILTERS)
  outcome?: ImportRowFilter;
}

/** `GET /imports/{id}`: whether the answer carries the report's rows (default) or only the progress and counts. */
export class ImportQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'true', description: '`false`: leave out `items` (read them a page at a time from `GET /imports/{id}/rows`)' })
  @IsOptional()
  @IsIn(['true', 'false'])
  items?: 'true' | 'false';
}
