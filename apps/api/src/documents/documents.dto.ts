import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DOCUMENT_FORMATS, type DocumentFormat } from '@charterflow/documents';
import { IsBusinessDate } from '../common/validation/is-business-date.decorator';

export class DocumentFormatQuery {
  @ApiPropertyOptional({ enum: DOCUMENT_FORMATS, default: 'pdf', description: 'PDF (to print) or Word (to edit before signing)' })
  @IsOptional()
  @IsIn(DOCUMENT_FORMATS)
  format?: DocumentFormat;
}

export class RegisterQuery extends DocumentFormatQuery {
  @ApiProperty({ example: '2026-01-01', description: 'First day of the period (admission decisions signed on or after it)' })
  @IsBusinessDate()
  from: string;

  @ApiProperty({ example: '2026-12-31', description: 'Last day of the period' })
  @IsBusinessDate()
  to: string;
}

class DocumentTemplateInUseDto {
  @ApiProperty() version: number;
  @ApiProperty() fileName: string;
  @ApiProperty({ format: 'uuid', description: 'The organisation that uploaded it (the case’s province or a body above its cell)' }) organisationId: string;
}

export class DocumentFormDto {
  @ApiProperty({ example: '9-KND', description: 'ASCII id of the form (9-KND for form 9-KNĐ)' }) form: string;
  @ApiProperty({ example: '9-KNĐ' }) code: string;
  @ApiProperty({ example: 'Quyết định kết nạp đảng viên (mẫu 9-KNĐ)' }) title: string;
  @ApiProperty({ description: 'Written by hand by the candidate or member: printed with the known fields filled' }) handwritten: boolean;
}

export class CaseDocumentDto {
  @ApiProperty({ example: '9-KND', description: 'ASCII id of the form (9-KND for form 9-KNĐ)' }) form: string;
  @ApiProperty({ example: '9-KNĐ' }) code: string;
  @ApiProperty({ example: 'Quyết định kết nạp đảng viên (mẫu 9-KNĐ)' }) title: string;
  @ApiProperty({ description: 'The case holds what the form is filled from; otherwise GET answers 422 DOCUMENT_NOT_AVAILABLE' }) available: boolean;
  @ApiProperty({ description: 'Written by hand by the candidate or member: printed with the known fields filled' }) handwritten: boolean;
  @ApiProperty({ type: DocumentTemplateInUseDto, nullable: true, description: 'The uploaded template this case is printed from; null: the built-in form' })
  template: DocumentTemplateInUseDto | null;
}

export class DocumentRecordDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['form', 'pack', 'register'] }) kind: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) caseId: string | null;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ nullable: true, type: String }) form: string | null;
  @ApiProperty({ enum: DOCUMENT_FORMATS }) format: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) templateId: string | null;
  @ApiProperty({ nullable: true, type: Number }) templateVersion: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'Fingerprint of the built-in template’s definition' }) builtinHash: string | null;
  @ApiProperty({ description: 'SHA-256 of the file (also sent as X-Document-Sha256)' }) sha256: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ nullable: true, type: Number, description: 'The last history step the document was filled from' }) historySeq: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'Its hash in the case’s chain' }) historyHash: string | null;
  @ApiProperty({ nullable: true, type: String }) periodFrom: string | null;
  @ApiProperty({ nullable: true, type: String }) periodTo: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The account that generated it' }) generatedBy: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
}

export class DocumentTemplateVersionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ example: '9-KND' }) form: string;
  @ApiProperty() version: number;
  @ApiProperty() fileName: string;
  @ApiProperty() sha256: string;
  @ApiProperty({ type: [String], description: 'The placeholders it uses' }) placeholders: string[];
  @ApiProperty({ type: 'object', additionalProperties: true }) uploadedBy: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) uploadedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Null: in force' }) retiredAt: string | null;
}

export class PlaceholderDto {
  @ApiProperty({ example: 'candidate.fullName', description: 'Written {candidate.fullName} in a template' }) name: string;
  @ApiProperty({ example: 'Họ và tên người vào Đảng' }) description: string;
}
