import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One reason a row was refused: the column and what is wrong, or the rule or state that stopped its replay. */
export class ImportRowErrorDto {
  @ApiProperty({ example: 'RULE_VIOLATION', description: 'VALIDATION_FAILED (a column), RULE_VIOLATION, EVENT_NOT_ALLOWED, CONFLICT_EXISTING_CASE…' })
  code: string;

  @ApiProperty({ description: 'What is wrong (English)' })
  message: string;

  @ApiPropertyOptional({ example: 'cellInFavour', description: 'The column at fault (`row`: the row as a whole)' })
  field?: string;

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

  @ApiPropertyOptional({ description: 'The line of the file (CSV)' })
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

/** The answer of `POST /imports` and `GET /imports/{id}`. */
export class ImportReportDto {
  @ApiProperty({ format: 'uuid' })
  importId: string;

  @ApiProperty()
  historical: boolean;

  @ApiProperty({ enum: ['csv', 'json'] })
  format: 'csv' | 'json';

  @ApiProperty({ description: 'Rows read' })
  rows: number;

  @ApiProperty()
  imported: number;

  @ApiProperty()
  unchanged: number;

  @ApiProperty()
  refused: number;

  @ApiProperty({ description: 'Rows imported with at least one waived rule' })
  flagged: number;

  @ApiProperty({ type: [ImportItemDto] })
  items: ImportItemDto[];

  @ApiProperty({ format: 'date-time' })
  startedAt: string;

  @ApiProperty({ format: 'date-time' })
  finishedAt: string;
}
