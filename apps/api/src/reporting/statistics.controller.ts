import { Body, Controller, Get, Param, Put, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { renderStatisticsReport, statisticsCsv, targetsCsv } from '@charterflow/audit';
import { AdmissionStatistics, StatisticsService, TargetProgress } from '@charterflow/audit';
import type { Scope } from '@charterflow/organisations';
import type { HttpResponse as Response } from '../common/http/http-types';
import { RequirePermission } from '../auth/access.decorators';
import { CurrentActor, CurrentScope } from '../auth/current-principal.decorator';
import { ApiErrors } from '../common/openapi/api-errors.decorator';
import { uuidParam } from '../common/validation/parse-uuid.pipe';
import { SetTargetDto, StatisticsQuery, TargetsQuery } from './dto/statistics.dto';
import { Actor, Clock } from '@charterflow/kernel';

/** CSV answers are sent as a download; JSON as usual. */
function csv(res: Response, name: string, body: string): string {
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${name}.csv"`);
  return body;
}

@ApiTags('statistics')
@Controller()
export class StatisticsController {
  constructor(
    private readonly statistics: StatisticsService,
    private readonly clock: Clock,
  ) {}

  @Get('statistics/admissions')
  @RequirePermission('audit.read')
  @ApiOperation({
    summary: 'Admissions, recognitions and removals of a period, per child organisation and for the subtree, by category',
    description: 'Categories of the published counts (Youth Union members, women, ethnic minorities, religious followers, aged 18–30, education, occupation) and the share of admitting units that admitted anyone. `format=csv` for a spreadsheet.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    description:
      '`{ organisation, period, rows, total, admittingUnits, months, categoryLabels }` (`months`: every month of the period in order, ' +
      '`{ month: "2026-03", admissions, recognitions, removals }` for the whole subtree, as the month asked alone would count; ' +
      '`categoryLabels`: the name of each category, `{ vi, en }`, in the order of the published counts)',
  })
  @ApiErrors(400, 404)
  async admissions(@Query() q: StatisticsQuery, @CurrentScope() scope: Scope, @Res({ passthrough: true }) res: Response): Promise<AdmissionStatistics | string> {
    const s = await this.statistics.admissions(q.organisationId, q.period, scope);
    return q.format === 'csv' ? csv(res, `thong-ke-ket-nap-${s.period.id}`, statisticsCsv(s)) : s;
  }

  @Get('statistics/report')
  @RequirePermission('audit.read')
  @ApiProduces('text/html')
  @ApiOperation({ summary: 'The printable statistics report of a period (HTML, Vietnamese first), with the targets' })
  @ApiErrors(400, 404)
  async report(@Query() q: StatisticsQuery, @CurrentScope() scope: Scope, @Res({ passthrough: true }) res: Response): Promise<string> {
    const s = await this.statistics.admissions(q.organisationId, q.period, scope);
    const targets = await this.statistics.targets(s.organisation.id, undefined, scope);
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    return renderStatisticsReport(s, targets.filter((t) => t.organisationId === s.organisation.id || s.rows.some((r) => r.organisationId === t.organisationId)), this.clock.today());
  }

  @Put('targets/:organisationId/:period')
  @RequirePermission('targets.manage')
  @ApiOperation({ summary: 'Set the admission target of an organisation of your subtree for a term (2025-2030) or a year (2026)' })
  @ApiOkResponse({ description: 'The target with its progress' })
  @ApiErrors(400, 404)
  setTarget(
    @Param('organisationId', uuidParam('organisationId')) organisationId: string,
    @Param('period') period: string,
    @Body() dto: SetTargetDto,
    @CurrentActor() actor: Actor,
    @CurrentScope() scope: Scope,
  ): Promise<TargetProgress> {
    return this.statistics.setTarget(organisationId, period, { admissions: dto.admissions, note: dto.note }, actor, scope);
  }

  @Get('targets')
  @RequirePermission('audit.read')
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({ summary: 'Targets of your subtree with the admissions achieved against each' })
  @ApiErrors(400, 404)
  async targets(@Query() q: TargetsQuery, @CurrentScope() scope: Scope, @Res({ passthrough: true }) res: Response): Promise<TargetProgress[] | string> {
    const targets = await this.statistics.targets(q.organisationId, q.period, scope);
    return q.format === 'csv' ? csv(res, 'chi-tieu-ket-nap', targetsCsv(targets)) : targets;
  }
}
