import { Inject, Injectable } from '@nestjs/common';
import { OrganisationsService, Scope, WHOLE_TREE } from '@charterflow/organisations';
import { BUSINESS_YEAR_MAX, BUSINESS_YEAR_MIN, DEADLINE_KIND_LABELS, DEADLINE_KINDS, DeadlineKind, isBusinessDate, isCalendarDate } from '@charterflow/procedure';
import { AuditedDeadlineRow, DeadlineAuditQuery, DeadlineAuditRepository } from './deadline-audit.repository';
import { CALENDAR_PROVIDER, CalendarProvider, Clock, DomainException } from '@charterflow/kernel';

export const DEADLINE_AUDIT_STATUSES = ['missed', 'open', 'met', 'cancelled', 'all'] as const;
export type DeadlineAuditStatus = (typeof DEADLINE_AUDIT_STATUSES)[number];

export interface DeadlineAuditFilter {
  organisationId?: string;
  status?: DeadlineAuditStatus;
  kind?: string;
  dueFrom?: string;
  dueTo?: string;
  limit?: number;
  cursor?: string;
}

/** A time limit as the audit shows it: how late, in working days, whether closed late or still overdue. */
export interface AuditedDeadline extends Omit<AuditedDeadlineRow, 'provinceId'> {
  label: { vi: string; en: string };
  /** Working days past the limit: when closed late, at closing; when still unclosed past its limit, as of today. */
  workingDaysLate: number | null;
  /** True while the limit has passed and the step that meets it has not been recorded. */
  overdue: boolean;
}

export interface DeadlineAuditPage {
  asOf: string;
  items: AuditedDeadline[];
  nextCursor: string | null;
}

const MAX_PAGE = 500;

/** Late and missed time limits of the cases in a subtree (issue 5: GET /audit/deadlines). */
@Injectable()
export class DeadlineAuditService {
  constructor(
    private readonly deadlines: DeadlineAuditRepository,
    private readonly organisations: OrganisationsService,
    private readonly clock: Clock,
    @Inject(CALENDAR_PROVIDER) private readonly calendars: CalendarProvider,
  ) {}

  async list(filter: DeadlineAuditFilter, scope: Scope = WHOLE_TREE): Promise<DeadlineAuditPage> {
    const fields: { field: string; message: string }[] = [];
    const status = filter.status ?? 'missed';
    if (!DEADLINE_AUDIT_STATUSES.includes(status)) fields.push({ field: 'status', message: `status must be one of ${DEADLINE_AUDIT_STATUSES.join(', ')}` });
    if (filter.kind !== undefined && !(DEADLINE_KINDS as readonly string[]).includes(filter.kind)) fields.push({ field: 'kind', message: `kind must be one of ${DEADLINE_KINDS.join(', ')}` });
    for (const key of ['dueFrom', 'dueTo'] as const) if (filter[key] !== undefined && !isBusinessDate(filter[key])) fields.push({ field: key, message: `${key} must be a date YYYY-MM-DD from ${BUSINESS_YEAR_MIN} to ${BUSINESS_YEAR_MAX}` });
    const limit = filter.limit ?? 100;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) fields.push({ field: 'limit', message: `limit must be a whole number from 1 to ${MAX_PAGE}` });
    const after = filter.cursor !== undefined ? decodeCursor(filter.cursor) : undefined;
    if (filter.cursor !== undefined && !after) fields.push({ field: 'cursor', message: 'cursor is not one this endpoint gave' });
    if (fields.length) throw DomainException.validation(fields);

    const pathPrefix = filter.organisationId !== undefined ? (await this.organisations.get(filter.organisationId, scope)).path : scope.pathPrefix;
    const today = this.clock.today();
    const query: DeadlineAuditQuery = { pathPrefix, status, today, kind: filter.kind, dueFrom: filter.dueFrom, dueTo: filter.dueTo, after, limit: limit + 1 };
    const rows = await this.deadlines.find(query);
    const items = rows.slice(0, limit).map(({ provinceId, ...r }): AuditedDeadline => {
      const overdue = (r.status === 'open' || r.status === 'missed') && r.closedOn === null && r.dueOn < today;
      const workingDaysLate = r.lateWorkingDays ?? (overdue ? this.calendars.calendarFor(provinceId).workingDaysBetween(r.dueOn, today) : null);
      return { ...r, label: DEADLINE_KIND_LABELS[r.kind as DeadlineKind] ?? { vi: r.kind, en: r.kind }, workingDaysLate, overdue };
    });
    const last = items[items.length - 1];
    return { asOf: today, items, nextCursor: rows.length > limit ? encodeCursor({ dueOn: last.dueOn, id: last.id }) : null };
  }
}

function encodeCursor(c: { dueOn: string; id: string }): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Only what `encodeCursor` made: a stored due date (any calendar date, since a limit may be computed past the
 * business-date range), a deadline id, and the exact encoding, so that no forged value reaches the SQL.
 */
function decodeCursor(s: string): { dueOn: string; id: string } | undefined {
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as { dueOn?: unknown; id?: unknown };
    if (!isCalendarDate(c.dueOn) || typeof c.id !== 'string' || !UUID.test(c.id)) return undefined;
    const position = { dueOn: c.dueOn, id: c.id };
    return encodeCursor(position) === s ? position : undefined;
  } catch {
    return undefined;
  }
}
