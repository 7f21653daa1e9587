import { Inject, Injectable } from '@nestjs/common';
import { businessDateOf } from '@charterflow/procedure';
import { firingKey, PendingFirings, PhaseGroup, phaseGroupOf, PlannedFiring } from '../contracts';
import { latestDueOnFiringBy } from '../plan/latest-due-on';
import { byFireAt, DeadlineToPlan, kindsPlanning, planFirings } from '../plan/plan-firings';
import { ReminderPolicyService } from '../policy/reminder-policy.service';
import { DeadlineFiringsRepository } from './deadline-firings.repository';
import { FiringDeadlinesRepository } from './firing-deadlines.repository';
import { CALENDAR_PROVIDER, CalendarProvider, isUuid } from '@charterflow/kernel';

export const DEFAULT_PENDING_LIMIT = 1000;

/**
 * The planned firings of open deadlines that have not fired yet: what the reconciler and the poller compare with the
 * transport. One query reads the open deadlines (bounded by due date when `dueBefore` is given), one reads the
 * ledger rows of those deadlines, and the plans are computed in memory.
 */
@Injectable()
export class PendingFiringsService implements PendingFirings {
  constructor(
    @Inject(CALENDAR_PROVIDER) private readonly calendars: CalendarProvider,
    private readonly policies: ReminderPolicyService,
    private readonly deadlines: FiringDeadlinesRepository,
    private readonly firings: DeadlineFiringsRepository,
  ) {}

  /**
   * Pending firings with fireAt ≤ `dueBefore` (all when absent), of phase group `group` (all when absent), oldest
   * first, at most `limit`. A group reads only the kinds the policy plans it for, and its own due-date bound.
   */
  async list(opts: { dueBefore?: Date; limit?: number; group?: PhaseGroup } = {}): Promise<PlannedFiring[]> {
    const limit = opts.limit ?? DEFAULT_PENDING_LIMIT;
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a whole number ≥ 1, got ${String(limit)}`);
    const { group } = opts;
    const policy = this.policies.policy;
    // The due dates whose firings may fall before `dueBefore`, whichever calendar a case counts on.
    const day = opts.dueBefore ? businessDateOf(opts.dueBefore) : undefined;
    const bound = day ? this.calendars.allCalendars().map((c) => latestDueOnFiringBy(day, policy, c, group)).sort().pop() : undefined;
    const kinds = group ? kindsPlanning(policy, group) : undefined;
    if (kinds?.length === 0) return [];
    const rows = await this.deadlines.listOpen(bound, kinds);
    const pending = await this.pending(rows, opts.dueBefore, group);
    return pending.slice(0, limit);
  }

  async forDeadlines(deadlineIds: readonly string[]): Promise<PlannedFiring[]> {
    const ids = [...new Set(deadlineIds.filter((id) => isUuid(id)))];
    return this.pending(await this.deadlines.listOpenByIds(ids));
  }

  private async pending(rows: readonly DeadlineToPlan[], dueBefore?: Date, group?: PhaseGroup): Promise<PlannedFiring[]> {
    const policy = this.policies.policy;
    const planned = rows
      .flatMap((r) => planFirings(r, policy, this.calendars.calendarFor(r.provinceId)))
      .filter((p) => (!dueBefore || p.fireAt.getTime() <= dueBefore.getTime()) && (!group || phaseGroupOf(p.phase) === group));
    if (planned.length === 0) return [];
    const fired = await this.firings.keysOf([...new Set(planned.map((p) => p.deadlineId))]);
    return planned.filter((p) => !fired.has(firingKey(p))).sort(byFireAt);
  }
}
