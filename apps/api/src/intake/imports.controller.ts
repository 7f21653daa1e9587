import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { HttpResponse as Response } from '../common/http/http-types';
import { ActorNames } from '@charterflow/access';
import { DEFAULT_IMPORT_ROWS_PAGE, ImportReport, ImportRowsPage, ImportSummary, IntakeService, MAX_IMPORT_ROWS, MAX_IMPORT_ROWS_PAGE } from '@charterflow/intake';
import type { Scope } from '@charterflow/organisations';
import { RequirePermission } from '../auth/access.decorators';
import { CurrentActor, CurrentScope } from '../auth/current-principal.decorator';
import { ApiErrors } from '../common/openapi/api-errors.decorator';
import { uuidParam } from '../common/validation/parse-uuid.pipe';
import { BodyTextCheckedPerRow } from '../common/validation/storable-input.interceptor';
import { Actor, DomainException } from '@charterflow/kernel';
import { ImportListDto, ImportReportDto, ImportRowsPageDto, ImportUploaderDto } from './dto/import-report.dto';
import { ImportQueryDto, ImportRowsQueryDto } from './dto/import-rows.query';
import { ListImportsQuery } from './dto/list-imports.query';
import { IMPORT_BODY_LIMIT_MB, IMPORT_PATH } from './intake-body-parsers';

@ApiTags('imports')
@Controller('imports')
export class ImportsController {
  constructor(
    private readonly intake: IntakeService,
    private readonly actorNames: ActorNames,
  ) {}

  @Post()
  @RequirePermission('imports.run')
  @BodyTextCheckedPerRow()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Import cases already under way (CSV or JSON), one row per case with its real past dates',
    description:
      `The file is read whole and stored at once (202, \`Location\` naming the import); a file that is not a file of rows (no header, not CSV or JSON, more than ${MAX_IMPORT_ROWS.toLocaleString('en-US')} rows or ${IMPORT_BODY_LIMIT_MB} MB) is refused with 400/413 and nothing is stored. ` +
      'A worker then processes it in batches; `GET /imports/{id}` shows its progress and, once done, each row\'s outcome. ' +
      'Each row is validated and replayed through the engine on its own: all or nothing per row; a bad row is reported with its number and reasons and the others go on. ' +
      '`historical=true`: rules the recorded history broke are waived and flagged instead of refusing the row (dates and the order of steps are never waived). ' +
      'Re-uploading the same rows changes nothing (`externalId`): while the same file from the same subtree is still waiting or running, the answer is that import. Columns: docs/imports.md.',
  })
  @ApiConsumes('text/csv', 'application/json')
  @ApiQuery({ name: 'historical', required: false, type: Boolean, description: 'CSV uploads (JSON uploads say it in the body)' })
  @ApiBody({ description: 'CSV text with a header row, or `{ "historical": bool, "rows": [ { column: value } ] }`', schema: { type: 'string' } })
  @ApiAcceptedResponse({
    type: ImportReportDto,
    description: 'The import, accepted: `status` queued (or the earlier unfinished import of the same file), no rows processed yet',
    headers: { Location: { description: 'The import: `GET` it for its progress and report', schema: { type: 'string' } } },
  })
  @ApiErrors(400, 413)
  async run(
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @Query('historical') historical: string | undefined,
    @CurrentActor() actor: Actor,
    @CurrentScope() scope: Scope,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Uploaded<ImportReport>> {
    if (historical !== undefined && historical !== 'true' && historical !== 'false') {
      throw DomainException.validation([{ field: 'historical', message: 'historical must be true or false' }]);
    }
    const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
    let report: ImportReport;
    if (type === 'text/csv' || type === 'text/plain') {
      if (typeof body !== 'string' || body.trim() === '') throw DomainException.validation([{ field: 'file', message: 'the CSV file is empty', messageVi: 'Tệp CSV không có nội dung.' }]);
      report = await this.intake.accept({ format: 'csv', text: body, historical: historical === 'true' }, actor, scope);
    } else if (type === 'application/json') {
      report = await this.intake.accept({ format: 'json', body, historical: historical === undefined ? undefined : historical === 'true' }, actor, scope);
    } else {
      throw DomainException.validation([{ field: 'content-type', message: 'send the file as text/csv or application/json' }]);
    }
    res.setHeader('Location', `${IMPORT_PATH}/${report.importId}`);
    return (await this.withUploaders([report]))[0];
  }

  @Get()
  @RequirePermission('imports.run')
  @ApiOperation({
    summary: 'The imports made within your subtree, newest first: progress, counts, who uploaded each and when',
    description:
      'A page of `limit` imports (default 50, at most 200) ordered by `acceptedAt`, newest first; `nextCursor` asks for the next page (null on the last). ' +
      "Each import's rows are not listed: `GET /imports/{id}/rows` gives them. Only imports uploaded by accounts of your subtree are listed, as `GET /imports/{id}` answers them.",
  })
  @ApiOkResponse({ type: ImportListDto })
  @ApiErrors(400)
  async list(@Query() query: ListImportsQuery, @CurrentScope() scope: Scope): Promise<{ items: Uploaded<ImportSummary>[]; nextCursor: string | null }> {
    const page = await this.intake.list({ limit: query.limit, cursor: query.cursor }, scope);
    return { items: await this.withUploaders(page.items), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @RequirePermission('imports.run')
  @ApiOperation({
    summary: 'An import: its progress while a worker processes it, and each row\'s outcome once done',
    description:
      'Poll it (with `X-Background-Request: true` from a screen) until `status` is `done` (or `failed`); `processed` counts the rows committed so far. Only imports made within the caller\'s subtree exist for it (404 otherwise). ' +
      'A file may hold 100,000 rows: with `items=false` the answer leaves the rows out, and `GET /imports/{id}/rows` gives them a page at a time.',
  })
  @ApiOkResponse({ type: ImportReportDto })
  @ApiErrors(400, 404)
  async get(@Param('id', uuidParam()) id: string, @Query() query: ImportQueryDto, @CurrentScope() scope: Scope): Promise<Uploaded<ImportReport>> {
    return (await this.withUploaders([await this.intake.get(id, scope, query.items !== 'false')]))[0];
  }

  @Get(':id/rows')
  @RequirePermission('imports.run')
  @ApiOperation({
    summary: "A page of an import's report: each row's outcome in the file's order, or only the refused or the flagged rows",
    description:
      `\`limit\` rows (default ${DEFAULT_IMPORT_ROWS_PAGE}, at most ${MAX_IMPORT_ROWS_PAGE}) after \`cursor\`; \`outcome=refused\` keeps the refused rows, \`outcome=flagged\` those imported with a waived rule. ` +
      'The rows committed so far are given (a row\'s outcome is final once committed), so the report can be read while the import runs; `nextCursor` is null when no further row is committed yet. Same permission and scope as `GET /imports/{id}` (404 outside it).',
  })
  @ApiOkResponse({ type: ImportRowsPageDto })
  @ApiErrors(400, 404)
  async rows(@Param('id', uuidParam()) id: string, @Query() query: ImportRowsQueryDto, @CurrentScope() scope: Scope): Promise<ImportRowsPage> {
    return this.intake.rows(id, { outcome: query.outcome, limit: query.limit, cursor: query.cursor }, scope);
  }

  /** The imports with their uploader named as staff read it (full name, title, unit), in place of the recorded actor. */
  private async withUploaders<T extends ImportSummary>(imports: readonly T[]): Promise<Uploaded<T>[]> {
    const named = await this.actorNames.name(imports);
    return imports.map(({ actor: _recorded, ...rest }, i) => {
      const actor = named[i].actor;
      return { ...rest, uploadedBy: { userId: actor.userId, username: actor.username, fullName: actor.fullName, title: actor.title, organisationName: actor.organisationName } };
    });
  }
}

/** An import as the API answers it: the uploader named instead of the recorded actor. */
type Uploaded<T extends ImportSummary> = Omit<T, 'actor'> & { uploadedBy: ImportUploaderDto };
