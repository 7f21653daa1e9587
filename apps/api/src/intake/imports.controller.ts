import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ImportReport, IntakeService } from '@charterflow/intake';
import type { Scope } from '@charterflow/organisations';
import { RequirePermission } from '../auth/access.decorators';
import { CurrentActor, CurrentScope } from '../auth/current-principal.decorator';
import { ApiErrors } from '../common/openapi/api-errors.decorator';
import { uuidParam } from '../common/validation/parse-uuid.pipe';
import { BodyTextCheckedPerRow } from '../common/validation/storable-input.interceptor';
import { Actor, DomainException } from '@charterflow/kernel';
import { ImportReportDto } from './dto/import-report.dto';

@ApiTags('imports')
@Controller('imports')
export class ImportsController {
  constructor(private readonly intake: IntakeService) {}

  @Post()
  @RequirePermission('imports.run')
  @BodyTextCheckedPerRow()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Import cases already under way (CSV or JSON), one row per case with its real past dates',
    description:
      'Each row is validated and replayed through the engine on its own: all or nothing per row; a bad row is reported with its number and reasons and the others go on. ' +
      '`historical=true`: rules the recorded history broke are waived and flagged instead of refusing the row (dates and the order of steps are never waived). ' +
      'Re-uploading the same rows changes nothing (`externalId`). Columns: docs/imports.md.',
  })
  @ApiConsumes('text/csv', 'application/json')
  @ApiQuery({ name: 'historical', required: false, type: Boolean, description: 'CSV uploads (JSON uploads say it in the body)' })
  @ApiBody({ description: 'CSV text with a header row, or `{ "historical": bool, "rows": [ { column: value } ] }`', schema: { type: 'string' } })
  @ApiCreatedResponse({ type: ImportReportDto, description: 'The report: counts, and each row with its outcome and every reason it was refused' })
  @ApiErrors(400, 413)
  async run(
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @Query('historical') historical: string | undefined,
    @CurrentActor() actor: Actor,
    @CurrentScope() scope: Scope,
  ): Promise<ImportReport> {
    if (historical !== undefined && historical !== 'true' && historical !== 'false') {
      throw DomainException.validation([{ field: 'historical', message: 'historical must be true or false' }]);
    }
    const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
    if (type === 'text/csv' || type === 'text/plain') {
      if (typeof body !== 'string' || body.trim() === '') throw DomainException.validation([{ field: 'file', message: 'the CSV file is empty' }]);
      return this.intake.run({ format: 'csv', text: body, historical: historical === 'true' }, actor, scope);
    }
    if (type === 'application/json') return this.intake.run({ format: 'json', body, historical: historical === undefined ? undefined : historical === 'true' }, actor, scope);
    throw DomainException.validation([{ field: 'content-type', message: 'send the file as text/csv or application/json' }]);
  }

  @Get(':id')
  @RequirePermission('imports.run')
  @ApiOperation({ summary: 'The report of an earlier import' })
  @ApiOkResponse({ type: ImportReportDto, description: 'As the answer of POST /imports' })
  @ApiErrors(400, 404)
  get(@Param('id', uuidParam()) id: string, @CurrentScope() scope: Scope): Promise<ImportReport> {
    return this.intake.get(id, scope);
  }
}
