import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IMPORT_STATUSES, type ImportStatus } from '@charterflow/intake';
import { BilingualTextDto } from '../../notifications/dto/notification.dto';

/** One reason a row was refused: the column and what is wrong, or the rule or state that stopped its replay. */
export class ImportRowErrorDto {
  @ApiProperty({ example: 'RULE_VIOLATION', description: 'VALIDATION_FAILED (a column), RULE_VIOLATION, EVENT_NOT_ALLOWED, CONFLICT_EXISTING_CASE…' })
  code: string;

  @ApiProperty({ description: 'What is wrong (English)' })
  message: string;

  @ApiPropertyOptional({ example: 'cellInFavour', description: 'The column at fault (`row`: the row as a whole)' })
  field?: string;

  @ApiPropertyOptional({
    type: BilingualTextDto,
    example: { vi: 'Chi bộ biểu quyết đề nghị kết nạp – Số phiếu tán thành', en: 'Cell vote on the admission – Votes in favour' },
    description: 'The column at fault as staff read it, from the event schema’s labels (absent for an unknown column and for `row`)',
  })
  fieldLabel?: BilingualTextDto;

  @ApiPropertyOptional({ example: 'AGE_BELOW_18', description: 'The rule that refused the step' })
  rule?: string;

  @ApiPropertyOptional({ description: 'The article the rule rests on' })
  source?: string;

  @ApiPropertyOptional({ example: 'CELL_VOTE_RECORDED', description: 'The step the row records that was refused' })
  eventType?: string;

  @ApiPropertyOptional({ format: 'date', description: 'That step’s date' })
  occurredOn?: string;

  @ApiPropertyOptional({ description: 'EVENT_NOT_ALLOWED: the state the case was in' })
  state?: string;
}

/** A rule the recorded history broke, waived by a historical import and flagged (the audit reports it too). */
export class ImportFlagDto {
  @ApiProperty()
  seq: number;

  @ApiProperty({ example: 'CELL_VOTE_RECORDED' })
  type: string;

  @ApiProperty({ example: 'AGE_BELOW_18' })
  rule: string;

  @ApiProperty()
  source: string;

  @ApiProperty()
  message: string;
}

/** The outcome of one row of an upload. */
export class ImportItemDto {
  @ApiProperty({ description: '1 = the first row after the header' })
  row: number;

  @ApiPropertyOptional({ description: 'The line of the file (CSV) the row starts on' })
  line?: number;

  @ApiProperty({ type: String, nullable: true, example: 'CB-2025-014' })
  externalId: string | null;

  @ApiProperty({ enum: ['imported', 'unchanged', 'refused'] })
  status: 'imported' | 'unchanged' | 'refused';

  @ApiPropertyOptional({ format: 'uuid' })
  caseId?: string;

  @ApiPropertyOptional({ description: 'The state the case is in after the import' })
  state?: string;

  @ApiPropertyOptional({ type: [ImportRowErrorDto] })
  errors?: ImportRowErrorDto[];

  @ApiPropertyOptional({ type: [ImportFlagDto] })
  flagged?: ImportFlagDto[];
}

/** Who uploaded an import: the account as recorded at the upload, with the names read when the import is read (ADR 0020). */
export class ImportUploaderDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  userId: string | null;

  @ApiProperty({ example: 'quantri.tinh', description: 'The login name at the upload' })
  username: string;

  @ApiProperty({ example: 'Nguyễn Văn An', description: "The account's full name (a deleted account keeps its name); the username for an account this server does not know" })
  fullName: string;

  @ApiProperty({ type: String, nullable: true, example: 'Chánh Văn phòng Tỉnh ủy', description: "The account's title, if any" })
  title: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Tỉnh ủy Quảng Trị', description: 'The current name of the organisation the account acted for; null over the whole tree' })
  organisationName: string | null;
}

/** An import as `GET /imports` lists it: its progress and counts, who uploaded it and when; not its rows. */
export class ImportSummaryDto {
  @ApiProperty({ format: 'uuid' })
  importId: string;

  @ApiProperty({ enum: IMPORT_STATUSES, description: 'queued (accepted, waiting for a worker), running, done, failed (given up after repeated errors of the processing, not of rows)' })
  status: ImportStatus;

  @ApiProperty()
  historical: boolean;

  @ApiProperty({ enum: ['csv', 'json'] })
  format: 'csv' | 'json';

  @ApiProperty({ description: 'Rows in the file' })
  rows: number;

  @ApiProperty({ description: 'Rows processed so far (committed with their cases)' })
  processed: number;

  @ApiProperty({ description: 'So far' })
  imported: number;

  @ApiProperty({ description: 'So far' })
  unchanged: number;

  @ApiProperty({ description: 'So far' })
  refused: number;

  @ApiProperty({ description: 'Rows imported with at least one waived rule, so far' })
  flagged: number;

  @ApiProperty({ type: ImportUploaderDto })
  uploadedBy: ImportUploaderDto;

  @ApiProperty({ format: 'date-time', description: 'When the file was accepted' })
  acceptedAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When a worker began' })
  startedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finishedAt: string | null;
}

/** The answer of `POST /imports` (queued) and `GET /imports/{id}`: the import's progress and, once done, its report. */
export class ImportReportDto extends ImportSummaryDto {
  @ApiProperty({ type: [ImportItemDto], description: 'Each row\'s outcome in the file\'s order, once `status` is done; empty before, and with `items=false` (`GET /imports/{id}/rows` gives them a page at a time)' })
  items: ImportItemDto[];
}

/** `GET /imports`: the imports of the caller's subtree, newest first. */
export class ImportListDto {
  @ApiProperty({ type: [ImportSummaryDto] })
  items: ImportSummaryDto[];

  @ApiProperty({ nullable: true, type: String, description: 'Pass it as `cursor` for the next page; null on the last page' })
  nextCursor: string | null;
}

/** `GET /imports/{id}/rows`: a page of an import's report. */
export class ImportRowsPageDto {
  @ApiProperty({ type: [ImportItemDto], description: "The rows' outcomes in the file's order: those committed so far" })
  items: ImportItemDto[];

  @ApiProperty({ nullable: true, type: String, description: 'Pass it as `cursor` for the next page; null when no further row is committed yet' })
  nextCursor: string | null;
}
