import { Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DeadlineAuditPage, DeadlineAuditService } from '@charterflow/audit';
import { CaseCompliance, ComplianceService, ViolationPage } from '@charterflow/audit';
import { deadlinesCsv, violationsCsv } from '@charterflow/audit';
import { renderCaseComplianceReport } from '@charterflow/audit';
import type { HttpResponse as Response } from '../common/http/http-types';
import { CaseQueries } from '@charterflow/cases';
import { OrganisationsService, type Scope } from '@charterflow/organisations';
import { EVENT_LABELS, STATE_LABELS } from '@charterflow/procedure';
import { RequirePermission } from '../auth/access.decorators';
import { CurrentScope } from '../auth/current-principal.decorator';
import { ApiErrors } from '../common/openapi/api-errors.decorator';
import { uuidParam } from '../common/validation/parse-uuid.pipe';
import { DeadlineAuditQuery } from './dto/deadline-audit.query';
import { ViolationsQuery } from './dto/violations.query';

@ApiTags('audit')
@Controller()
export class AuditController {
  constructor(
    private readonly deadlines: DeadlineAuditService,
    private readonly compliance: ComplianceService,
    private readonly cases: CaseQueries,
    private readonly organisations: OrganisationsService,
  ) {}

  @Get('audit/deadlines')
  @RequirePermission('audit.read')
  @ApiOperation({
    summary: 'Late and missed time limits of your subtree, with how late (working days)',
    description: 'Ordered by due date. `status=missed` (default) lists limits met late, marked missed, or still open past their due date today.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: '`{ asOf, items: [...], nextCursor }`; `format=csv`: every item of the filter as CSV' })
  @ApiErrors(400, 404)
  async deadlinesAudit(@Query() query: DeadlineAuditQuery, @CurrentScope() scope: Scope, @Res({ passthrough: true }) res: Response): Promise<DeadlineAuditPage | string> {
    const filter = { organisationId: query.organisationId, status: query.status, kind: query.kind, dueFrom: query.dueFrom, dueTo: query.dueTo };
    if (query.format !== 'csv') return this.deadlines.list({ ...filter, limit: query.limit, cursor: query.cursor }, scope);
    const items = await allPages((cursor) => this.deadlines.list({ ...filter, limit: 500, cursor }, scope));
    return csvAnswer(res, 'thoi-han-tre', deadlinesCsv(items));
  }

  @Get('audit/violations')
  @RequirePermission('audit.read')
  @ApiOperation({
    summary: 'Which cases broke which rule, where and when: failed compliance checks of your subtree',
    description:
      'Each item: `caseId`, `check` (A-number of the procedure specification §6), `organisationId`, `detectedOn` (the business date of the breach), `severity`, `evidence`. ' +
      '`from`/`to` filter on `detectedOn`. `totals` counts failures per check over the whole filter. The checks of changed cases are run again before the answer.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: '`{ asOf, totals, items, nextCursor, pendingCases }`; `format=csv`: every item of the filter as CSV' })
  @ApiErrors(400, 404)
  async violations(@Query() query: ViolationsQuery, @CurrentScope() scope: Scope, @Res({ passthrough: true }) res: Response): Promise<ViolationPage | string> {
    const filter = { organisationId: query.organisationId, from: query.from, to: query.to, check: query.check };
    if (query.format !== 'csv') return this.compliance.violations({ ...filter, limit: query.limit, cursor: query.cursor }, scope);
    const items = await allPages((cursor) => this.compliance.violations({ ...filter, limit: 500, cursor }, scope));
    return csvAnswer(res, 'vi-pham', violationsCsv(items));
  }

  @Get('cases/:id/compliance')
  @RequirePermission('audit.read')
  @ApiOperation({ summary: 'Every compliance check of one case: pass, fail or not applicable, with the evidence' })
  @ApiOkResponse({ description: '`{ caseId, organisationId, asOf, failed, results: [{ check, title, source, severity, status, detectedOn, eventSeq, evidence }] }`' })
  @ApiErrors(400, 404)
  caseCompliance(@Param('id', uuidParam()) id: string, @CurrentScope() scope: Scope): Promise<CaseCompliance> {
    return this.compliance.caseCompliance(id, scope);
  }

  @Get('cases/:id/compliance/report')
  @RequirePermission('audit.read')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiProduces('text/html')
  @ApiOperation({ summary: 'The printable compliance report of one case (HTML, Vietnamese first)' })
  @ApiErrors(400, 404)
  async caseReport(@Param('id', uuidParam()) id: string, @CurrentScope() scope: Scope): Promise<string> {
    const [compliance, view, events, chain] = await Promise.all([
      this.compliance.caseCompliance(id, scope),
      this.cases.get(id, scope),
      this.cases.events(id, scope),
      this.cases.verifyChain(id, scope),
    ]);
    const organisation = await this.organisations.get(view.organisationId);
    const candidate = view.candidate as { fullName?: string; dateOfBirth?: string };
    return renderCaseComplianceReport({
      caseId: id,
      candidateName: candidate.fullName ?? '',
      dateOfBirth: candidate.dateOfBirth ?? null,
      organisationName: organisation.name,
      state: view.state,
      stateLabel: STATE_LABELS[view.state] ?? { vi: view.state, en: view.state },
      asOf: compliance.asOf,
      chainValid: chain.valid,
      brokenAtSeq: chain.brokenAtSeq,
      results: compliance.results,
      events: events.map((e) => ({
        seq: e.seq,
        type: e.type,
        label: EVENT_LABELS[e.type]?.vi ?? e.type,
        occurredOn: e.occurredOn,
        actor: actorText(e.actor as unknown as Record<string, unknown>),
      })),
    });
  }
}

/** Every item of a paged answer (a CSV export holds the whole filter). */
async function allPages<T>(page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const p = await page(cursor);
    items.push(...p.items);
    cursor = p.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

function csvAnswer(res: Response, name: string, body: string): string {
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${name}.csv"`);
  return body;
}

function actorText(actor: Record<string, unknown> | null): string {
  if (!actor) return '';
  if (actor.kind === 'system') return 'Hệ thống / system';
  const roles = Array.isArray(actor.roles) ? (actor.roles as string[]).join(', ') : '';
  return `${typeof actor.username === 'string' ? actor.username : ''}${roles ? ` (${roles})` : ''}`;
}
