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

  @ApiPropertyOptional({ description: 'The field’s Vietnamese label, where the schema declares the field', example: 'Ngày sinh' })
  labelVi?: string;

  @ApiPropertyOptional({ description: 'The problem in Vietnamese, for staff, naming the field by its label', example: '«Ngày sinh» không phải là một ngày có thật trong các năm 1900–2100' })
  messageVi?: string;
}

export class ValidationErrorDto extends ErrorDto {
  @ApiProperty({ example: 'VALIDATION_FAILED' })
  override code: string;

  @ApiProperty({ type: [FieldErrorDto] })
  fields: FieldErrorDto[];

  @ApiPropertyOptional({ description: 'The problems of the declared fields in Vietnamese, for staff (absent when no field has a Vietnamese label)' })
  messageVi?: string;
}

export class RefusalErrorDto extends ErrorDto {
  @ApiProperty({ enum: ['RULE_VIOLATION', 'EVENT_NOT_ALLOWED'], example: 'RULE_VIOLATION' })
  override code: string;

  @ApiPropertyOptional({ description: 'RULE_VIOLATION: the rule id', example: 'AGE_BELOW_18' })
  rule?: string;

  @ApiPropertyOptional({ description: 'RULE_VIOLATION: the article the rule implements, by the procedure doc’s abbreviations', example: 'QĐ294 §1.1.1' })
  source?: string;

  @ApiPropertyOptional({
    description: 'The refusal in Vietnamese, for staff: labels instead of ids, dates dd/mm/yyyy, closing with the article in Vietnamese (RULE_VIOLATION) or the steps that can be recorded (EVENT_NOT_ALLOWED)',
    example: 'Người vào Đảng mới 215 tháng tuổi tại ngày chi bộ họp xét kết nạp 15/01/2026; cần đủ 216 tháng (18 tuổi) (căn cứ mục 1.1.1 Quy định số 294-QĐ/TW ngày 26/05/2025).',
  })
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
