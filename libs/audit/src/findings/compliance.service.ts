import { Inject, Injectable, Logger } from '@nestjs/common';
import { CaseQueries } from '@charterflow/cases';
import { OrganisationsService, provinceOfPath, Scope, WHOLE_TREE } from '@charterflow/organisations';
import { BUSINESS_YEAR_MAX, BUSINESS_YEAR_MIN, BusinessDate, isBusinessDate, isCalendarDate } from '@charterflow/procedure';
import { CHECK_IDS, checkById, titleOf } from '../compliance/catalogue';
import { CheckResult } from '../compliance/model';
import { runChecks } from '../compliance/run-checks';
import { AuditCasesRepository, StoredAuditCase } from './audit-cases.repository';
import { FindingRow, FindingsRepository } from './findings.repository';
import { CALENDAR_PROVIDER, CalendarProvider, Clock, DomainException } from '@charterflow/kernel';

/** The compliance of one case: every check with pass / fail / not applicable and its evidence. */
export interface CaseCompliance {
  caseId: string;
  organisationId: string;
  asOf: BusinessDate;
  failed: number;
  results: CheckResult[];
}

export interface ViolationItem {
  caseId: string;
  candidateName: string;
  check: string;
  title: { vi: string; en: string };
  source: string;
  severity: string;
  organisationId: string;
  organisationName: string;
  detectedOn: BusinessDate | null;
  eventSeq: number | null;
  evidence: Record<string, unknown>;
}

export interface ViolationFilter {
  organisationId?: string;
  from?: string;
  to?: string;
  check?: string[];
  limit?: number;
  cursor?: string;
}

export interface ViolationPage {
  asOf: BusinessDate;
  /** Failed checks per check id over the whole filter (not only this page). */
  totals: { check: string; count: number }[];
  items: ViolationItem[];
  nextCursor: string | null;
  /** Cases of the subtree whose checks had not been run again when the page was read (0 when fresh). */
  pendingCases: number;
}

/** Cases checked per transaction by the refresher. */
export const REFRESH_BATCH = 200;
/** How many cases an audit query brings up to date before it answers (the rest is left to the worker's sweep). */
export const REFRESH_BEFORE_QUERY = 5000;
const MAX_PAGE = 500;

/**
 * Runs the compliance checks (libs/audit checks, pure) over stored cases: for one case on demand, and for every
 * changed case into the materialised `compliance_findings` that the violations query reads (ADR 0010).
 */
@Injectable()
export class ComplianceService {
  private readonly logger = new Logger(ComplianceService.name);

  constructor(
    private readonly cases: CaseQueries,
    private readonly organisations: OrganisationsService,
    private readonly stored: AuditCasesRepository,
    private readonly findings: FindingsRepository,
    private readonly clock: Clock,
    @Inject(CALENDAR_PROVIDER) private readonly calendars: CalendarProvider,
  ) {}

  /** Every check of one case in `scope` (NOT_FOUND outside it), computed now. */
  async caseCompliance(caseId: string, scope: Scope = WHOLE_TREE): Promise<CaseCompliance> {
    await this.cases.get(caseId, scope);
    const [c] = await this.stored.load([caseId]);
    const today = this.clock.today();
    const results = this.evaluate(c, today);
    return { caseId, organisationId: c.organisationId, asOf: today, failed: results.filter((r) => r.status === 'fail').length, results };
  }

  /**
   * Brings the stored findings up to date for the cases that changed, or whose time limits may have turned, in
   * `scope`; at most `maxCases`. Answers how many were checked.
   */
  async refresh(options: { scope?: Scope; maxCases?: number } = {}): Promise<number> {
    const today = this.clock.today();
    const max = options.maxCases ?? Number.POSITIVE_INFINITY;
    let done = 0;
    while (done < max) {
      const batch = Math.min(REFRESH_BATCH, max - done);
      const n = await this.findings.transaction(async (m) => {
        const ids = await this.findings.claimPending(m, today, batch, options.scope?.pathPrefix ?? null);
        if (ids.length === 0) return 0;
        const cases = await this.stored.load(ids, m);
        const rows: FindingRow[] = [];
        const states = cases.map((c) => {
          for (const r of this.evaluate(c, today)) {
            if (r.status !== 'fail') continue;
            rows.push({
              caseId: c.caseId,
              checkId: r.check,
              organisationId: c.organisationId,
              severity: r.severity,
              detectedOn: r.detectedOn ?? null,
              eventSeq: r.eventSeq ?? null,
              evidence: r.evidence,
              computedOn: today,
            });
          }
          return { caseId: c.caseId, recheckOn: nextRecheck(c, today) };
        });
        // A claimed case that no longer exists is simply marked clean.
        for (const id of ids) if (!cases.some((c) => c.caseId === id)) states.push({ caseId: id, recheckOn: null });
        await this.findings.replace(m, ids, rows, states, today);
        return ids.length;
      });
      done += n;
      if (n < batch) break;
    }
    if (done > 0) this.logger.debug(`compliance checks run again for ${done} case(s)`);
    return done;
  }

  /** The violations of a subtree, filtered by check and by the date of the breach, paged. */
  async violations(filter: ViolationFilter, scope: Scope = WHOLE_TREE): Promise<ViolationPage> {
    const fields: { field: string; message: string }[] = [];
    for (const key of ['from', 'to'] as const) if (filter[key] !== undefined && !isBusinessDate(filter[key])) fields.push({ field: key, message: `${key} must be a date YYYY-MM-DD from ${BUSINESS_YEAR_MIN} to ${BUSINESS_YEAR_MAX}` });
    const unknown = (filter.check ?? []).filter((c) => !CHECK_IDS.includes(c));
    if (unknown.length) fields.push({ field: 'check', message: `unknown check(s) ${unknown.join(', ')}; checks are ${CHECK_IDS.join(', ')}` });
    const limit = filter.limit ?? 100;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) fields.push({ field: 'limit', message: `limit must be a whole number from 1 to ${MAX_PAGE}` });
    const after = filter.cursor !== undefined ? decodeCursor(filter.cursor) : undefined;
    if (filter.cursor !== undefined && !after) fields.push({ field: 'cursor', message: 'cursor is not one this endpoint gave' });
    if (fields.length) throw DomainException.validation(fields);

    const subtree = filter.organisationId !== undefined ? await this.organisations.scopeOf(filter.organisationId, scope) : scope;
    const today = this.clock.today();
    // The findings are brought up to date first, but only when some case of the subtree waits for its checks: the
    // count is one read, where the refresh is a transaction that claims the pending cases.
    let pendingCases = await this.findings.countPending(today, subtree.pathPrefix);
    if (pendingCases > 0 && (await this.refresh({ scope: subtree, maxCases: REFRESH_BEFORE_QUERY })) > 0) {
      pendingCases = await this.findings.countPending(today, subtree.pathPrefix);
    }
    const query = { pathPrefix: subtree.pathPrefix, checkIds: filter.check, from: filter.from, to: filter.to };
    const [rows, totals] = await Promise.all([
      this.findings.findViolations({ ...query, after, limit: limit + 1 }),
      this.findings.countByCheck(query),
    ]);
    const items = rows.slice(0, limit).map((r): ViolationItem => {
      const info = checkById(r.checkId) ?? { title: { vi: r.checkId, en: r.checkId }, source: '' };
      return {
        caseId: r.caseId,
        candidateName: r.candidateName,
        check: r.checkId,
        // The numbers of the rule set that judged the case, as the stored evidence names it.
        title: titleOf(info, r.evidence.ruleSet),
        source: info.source,
        severity: r.severity,
        organisationId: r.organisationId,
        organisationName: r.organisationName,
        detectedOn: r.detectedOn,
        eventSeq: r.eventSeq,
        evidence: r.evidence,
      };
    });
    const last = rows.length > limit ? items[items.length - 1] : null;
    return {
      asOf: today,
      totals: totals.map((t) => ({ check: t.checkId, count: t.count })),
      items,
      nextCursor: last ? encodeCursor({ detectedOn: last.detectedOn ?? '9999-12-31', caseId: last.caseId, checkId: last.check }) : null,
      pendingCases,
    };
  }

  private evaluate(c: StoredAuditCase, today: BusinessDate): CheckResult[] {
    return runChecks(c, { today, calendar: this.calendars.calendarFor(provinceOfPath(c.organisationPath)) });
  }
}

/**
 * The next date on which a check could turn without a new event: the day after the earliest open limit still
 * ahead (or today's limit). Null when no limit is open.
 */
export function nextRecheck(c: StoredAuditCase, today: BusinessDate): BusinessDate | null {
  const ahead = c.deadlines.filter((d) => d.status === 'open' && d.dueOn >= today).map((d) => d.dueOn).sort();
  if (ahead.length === 0) return null;
  const next = new Date(`${ahead[0]}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

function encodeCursor(c: { detectedOn: string; caseId: string; checkId: string }): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Only what `encodeCursor` made: a detection date (any calendar date: an undated finding sorts as 9999-12-31), a
 * case id, a known check, and the exact encoding, so that no forged value reaches the SQL.
 */
function decodeCursor(s: string): { detectedOn: string; caseId: string; checkId: string } | undefined {
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (!isCalendarDate(c.detectedOn) || typeof c.caseId !== 'string' || !UUID.test(c.caseId) || typeof c.checkId !== 'string' || !CHECK_IDS.includes(c.checkId)) {
      return undefined;
    }
    const position = { detectedOn: c.detectedOn, caseId: c.caseId, checkId: c.checkId };
    return encodeCursor(position) === s ? position : undefined;
  } catch {
    return undefined;
  }
}
