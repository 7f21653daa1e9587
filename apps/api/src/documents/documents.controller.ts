import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Put, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DocumentsService, GeneratedDocument, TemplateVersion, DocumentRecord, CaseDocumentItem } from '@charterflow/documents';
import { Actor, DomainException } from '@charterflow/kernel';
import type { Scope } from '@charterflow/organisations';
import { RequirePermission } from '../auth/access.decorators';
import { CurrentActor, CurrentScope } from '../auth/current-principal.decorator';
import type { HttpResponse as Response } from '../common/http/http-types';
import { ApiErrors } from '../common/openapi/api-errors.decorator';
import { uuidParam } from '../common/validation/parse-uuid.pipe';
import { WORD_CONTENT_TYPE } from './documents-body-parser';
import { CaseDocumentDto, DocumentFormDto, DocumentFormatQuery, DocumentRecordDto, DocumentTemplateVersionDto, PlaceholderDto, RegisterQuery } from './documents.dto';

/** Sends a generated file: PDF shown in the browser's tab, Word downloaded; its fingerprint in a header. */
function send(res: Response, file: GeneratedDocument): StreamableFile {
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Document-Sha256', file.record.sha256);
  const disposition = file.contentType === 'application/pdf' ? 'inline' : 'attachment';
  return new StreamableFile(file.content, { type: file.contentType, disposition: `${disposition}; filename="${file.fileName}"`, length: file.content.length });
}

const FILE = { 'application/pdf': { schema: { type: 'string', format: 'binary' } }, [WORD_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } };

@ApiTags('documents')
@Controller()
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get('cases/:id/documents')
  @RequirePermission('cases.read')
  @ApiOperation({ summary: 'The forms 1-KNĐ … 16-KNĐ of a case: which it has the data for, and the template each is printed from' })
  @ApiOkResponse({ type: [CaseDocumentDto] })
  @ApiErrors(400, 404)
  list(@Param('id', uuidParam()) id: string, @CurrentScope() scope: Scope): Promise<CaseDocumentItem[]> {
    return this.documents.list(id, scope);
  }

  @Get('cases/:id/documents/records')
  @RequirePermission('cases.read')
  @ApiOperation({ summary: 'Every document generated for the case: who, when, from which template version, the file’s SHA-256 and the history step it was filled from' })
  @ApiOkResponse({ type: [DocumentRecordDto] })
  @ApiErrors(400, 404)
  records(@Param('id', uuidParam()) id: string, @CurrentScope() scope: Scope): Promise<DocumentRecord[]> {
    return this.documents.recordsOf(id, scope);
  }

  @Get('cases/:id/documents/pack')
  @RequirePermission('cases.read')
  @ApiOperation({ summary: 'Every form the case has data for, in procedure order, in one PDF (the print pack)' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF', content: { 'application/pdf': FILE['application/pdf'] } })
  @ApiErrors(400, 404)
  async pack(@Param('id', uuidParam()) id: string, @CurrentActor() actor: Actor, @CurrentScope() scope: Scope, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return send(res, await this.documents.pack(id, actor, scope));
  }

  @Get('cases/:id/documents/:form')
  @RequirePermission('cases.read')
  @ApiOperation({
    summary: 'One form filled from the case, as PDF or Word',
    description: '`form` is the ASCII id (`9-KND` for 9-KNĐ). An unknown form → 404; a form the case has no data for yet → 422 DOCUMENT_NOT_AVAILABLE. Every file generated is recorded.',
  })
  @ApiProduces('application/pdf', WORD_CONTENT_TYPE)
  @ApiOkResponse({ description: 'The file', content: FILE })
  @ApiErrors(400, 404, 422)
  async form(
    @Param('id', uuidParam()) id: string,
    @Param('form') form: string,
    @Query() q: DocumentFormatQuery,
    @CurrentActor() actor: Actor,
    @CurrentScope() scope: Scope,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return send(res, await this.documents.generate(id, form, q.format ?? 'pdf', actor, scope));
  }

  @Get('organisations/:id/admissions-register')
  @RequirePermission('audit.read')
  @ApiOperation({ summary: 'Sổ theo dõi kết nạp đảng viên: the admissions decided in a period in the organisation’s subtree' })
  @ApiProduces('application/pdf', WORD_CONTENT_TYPE)
  @ApiOkResponse({ description: 'The register', content: FILE })
  @ApiErrors(400, 404)
  async register(
    @Param('id', uuidParam()) id: string,
    @Query() q: RegisterQuery,
    @CurrentActor() actor: Actor,
    @CurrentScope() scope: Scope,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return send(res, await this.documents.admissionsRegister(id, q.from, q.to, q.format ?? 'pdf', actor, scope));
  }

  @Get('document-forms')
  @RequirePermission('organisations.read')
  @ApiOperation({ summary: 'The built-in forms 1-KNĐ … 16-KNĐ: their ids and titles' })
  @ApiOkResponse({ type: [DocumentFormDto] })
  forms(): DocumentFormDto[] {
    return this.documents.forms();
  }

  @Get('document-templates/placeholders')
  @RequirePermission('organisations.read')
  @ApiOperation({ summary: 'The placeholders a Word template may use, written {name}, with what each prints' })
  @ApiOkResponse({ type: [PlaceholderDto] })
  placeholders(): PlaceholderDto[] {
    return this.documents.placeholders();
  }

  @Get('documents/by-sha256/:sha256')
  @RequirePermission('cases.read')
  @ApiOperation({ summary: 'Which generated document a file is: the records with this SHA-256 in your subtree' })
  @ApiOkResponse({ type: [DocumentRecordDto] })
  @ApiErrors(400)
  trace(@Param('sha256') sha: string, @CurrentScope() scope: Scope): Promise<DocumentRecord[]> {
    return this.documents.trace(sha, scope);
  }

  @Get('organisations/:id/document-templates')
  @RequirePermission('organisations.read')
  @ApiOperation({ summary: 'Every version of the Word templates an organisation uploaded' })
  @ApiOkResponse({ type: [DocumentTemplateVersionDto] })
  @ApiErrors(400, 404)
  templates(@Param('id', uuidParam()) id: string, @CurrentScope() scope: Scope): Promise<TemplateVersion[]> {
    return this.documents.templatesOf(id, scope);
  }

  @Put('organisations/:id/document-templates/:form')
  @RequirePermission('organisations.manage')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Upload a new version of the organisation’s Word template of a form, used for the cases of its subtree',
    description:
      'The body is the .docx file. Placeholders are written {name} (GET /document-templates/placeholders); any other name, a loop or a malformed tag → 422 TEMPLATE_REFUSED naming them. The previous version retires; the file name may be given in X-File-Name (URI-encoded).',
  })
  @ApiConsumes(WORD_CONTENT_TYPE)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ type: DocumentTemplateVersionDto })
  @ApiErrors(400, 404, 413, 422)
  upload(
    @Param('id', uuidParam()) id: string,
    @Param('form') form: string,
    @Body() body: unknown,
    @Headers('x-file-name') fileName: string | undefined,
    @CurrentActor() actor: Actor,
    @CurrentScope() scope: Scope,
  ): Promise<TemplateVersion> {
    if (!Buffer.isBuffer(body) || body.length === 0) {
      throw DomainException.validation([{ field: 'file', message: `send the Word file as ${WORD_CONTENT_TYPE}`, messageVi: 'Hãy gửi tệp Word (.docx) của mẫu' }]);
    }
    return this.documents.uploadTemplate(id, form, decodeFileName(fileName) ?? `${form}.docx`, body, actor, scope);
  }

  @Delete('organisations/:id/document-templates/:form')
  @RequirePermission('organisations.manage')
  @HttpCode(204)
  @ApiOperation({ summary: 'Retire the organisation’s template of a form: the built-in form (or a template from above) applies again' })
  @ApiNoContentResponse()
  @ApiErrors(400, 404)
  async retire(@Param('id', uuidParam()) id: string, @Param('form') form: string, @CurrentScope() scope: Scope): Promise<void> {
    await this.documents.retireTemplate(id, form, scope);
  }
}

function decodeFileName(header: string | undefined): string | null {
  if (!header) return null;
  try {
    return decodeURIComponent(header);
  } catch {
    return header;
  }
}
