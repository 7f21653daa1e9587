import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ErrorDto {
  @ApiProperty({ example: 'NOT_FOUND' })
  code: string;

  @ApiProperty({ example: 'Case 6f0c… was not found.' })
  message: string;
}

export class FieldErrorDto {
  @ApiProperty({ example: 'candidate.dateOfBirth' })
  field: string;

  @ApiProperty({ example: 'candidate.dateOfBirth must be a real calendar date YYYY-MM-DD from 1900-01-01 to 2100-12-31' })
  message: string;
}

export class ValidationErrorDto extends ErrorDto {
  @ApiProperty({ example: 'VALIDATION_FAILED' })
  override code: string;

  @ApiProperty({ type: [FieldErrorDto] })
  fields: FieldErrorDto[];
}

export class RefusalErrorDto extends ErrorDto {
  @ApiProperty({ enum: ['RULE_VIOLATION', 'EVENT_NOT_ALLOWED'], example: 'RULE_VIOLATION' })
  override code: string;

  @ApiPropertyOptional({ description: 'RULE_VIOLATION: the rule id', example: 'AGE_BELOW_18' })
  rule?: string;

  @ApiPropertyOptional({ description: 'RULE_VIOLATION: the article the rule implements', example: 'Điều lệ Đảng Điều 1' })
  source?: string;

  @ApiPropertyOptional({ description: 'The refusal in Vietnamese, for staff' })
  messageVi?: string;

  @ApiPropertyOptional({ description: 'EVENT_NOT_ALLOWED: the current top-level state', example: 'dossier' })
  state?: string;

  @ApiPropertyOptional({ description: 'EVENT_NOT_ALLOWED: the events the state accepts', type: [String] })
  allowedEvents?: string[];
}

export class VersionConflictDto extends ErrorDto {
  @ApiProperty({ example: 'VERSION_CONFLICT' })
  override code: string;

  @ApiPropertyOptional({ example: 5 })
  currentVersion?: number;
}
