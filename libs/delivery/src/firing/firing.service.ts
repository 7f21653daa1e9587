import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CasesService } from '@charterflow/cases';
// The inbox files directly, not the notifications barrel: its module also wires webhooks, which use this library.
import { InboxRepository } from '@charterflow/notifications';
import type { NewNotification, NotificationKind } from '@charterflow/notifications';
import { FiringHandler, FiringRef, FiringResult, PlannedFiring } from '../contracts';
import { planFirings, reminderPhase } from '../plan/plan-firings';
import { ReminderPolicyService } from '../policy/reminder-policy.service';
import { DeadlineFiringsRepository } from './deadline-firings.repository';
import { DeadlineForFiring, FiringDeadlinesRepository } from './firing-deadlines.repository';
import { escalationText, NotificationSubject, probationEndedText, reminderText } from './notification-text';
import { OrganisationChainRepository } from './organisation-chain.repository';
import { escalationRecipients, Recipient, resolveRecipients } from './recipients';
import { CALENDAR_PROVIDER, CalendarProvider, Clock, isUuid } from '@charterflow/kernel';

const STALE: FiringResult = { outcome: 'stale', notifications: 0 };

/** The outcome of the firing transaction, and the case whose timed events must be applied after it committed. */
interface Attempt {
  result: FiringResult;
  applyTimedEventsOf?: string;
}

/**
 * The one idempotent firing handler every transport calls (ADR 0007 §4). In one transaction it locks the deadline
 * row, checks it is open and of the same generation, recomputes the plan, and records the firing in
 * `deadline_firings`; only the transaction whose insert succeeded writes notifications or marks the deadline missed.
 *
 * The `due` firing of PROBATION_END also records the engine's PROBATION_ENDED through `CasesService`, which runs its
 * own transaction and so cannot join this one. Order chosen: record the firing and the notification first, then
 * apply the timed events after the commit. A crash between the two leaves the deadline `open` with a firing row;
 * that state is repaired because (a) PendingFiringsService keeps listing the `due` firing of a PROBATION_END that is
 * still open even when a firing row exists, and (b) a second `fire()` that finds the row already recorded but the
 * deadline still open (locked, so nobody else is moving it right now) applies the timed events again. Applying is
 * idempotent (nothing due → nothing written), so running it twice is harmless; the notification is written once.
 */
@Injectable()
export class FiringService implements FiringHandler {
  private readonly logger = new Logger(FiringService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(CALENDAR_PROVIDER) private readonly calendars: CalendarProvider,
    private readonly policies: ReminderPolicyService,
    private readonly deadlines: FiringDeadlinesRepository,
    private readonly firings: DeadlineFiringsRepository,
    private readonly organisations: OrganisationChainRepository,
    private readonly inbox: InboxRepository,
    private readonly cases: CasesService,
  ) {}

  async fire(ref: FiringRef): Promise<FiringResult> {
    if (typeof ref?.deadlineId !== 'string' || !isUuid(ref.deadlineId) || !Number.isInteger(ref.generation)) return STALE;
    const attempt = await this.dataSource.transaction((m) => this.attempt(m, ref));
    if (attempt.applyTimedEventsOf) await this.cases.applyDueTimedEvents(attempt.applyTimedEventsOf);
    if (attempt.result.outcome === 'fired') {
      this.logger.debug({ ...ref, latenessMs: attempt.result.latenessMs, notifications: attempt.result.notifications }, 'deadline firing');
    }
    return attempt.result;
  }

  private async attempt(m: EntityManager, ref: FiringRef): Promise<Attempt> {
    const row = await this.deadlines.lockForFiring(m, ref.deadlineId);
    if (!row || row.status !== 'open' || row.generation !== ref.generation) return { result: STALE };

    const plan = planFirings(row, this.policies.policy, this.calendars.calendarFor(row.provinceId));
    const planned = plan.find((p) => p.phase === ref.phase);
    // A phase the policy no longer plans for this row (policy changed since the job was queued): nothing to do.
    if (!planned) return { result: STALE };
    const now = this.clock.now();
    if (planned.fireAt.getTime() > now.getTime()) return { result: { outcome: 'early', notifications: 0 } };
    const latenessMs = now.getTime() - planned.fireAt.getTime();

    // A reminder overtaken by a later firing that is also due (a backlog after downtime, or a case recorded late)
    // would only add noise: it is recorded as superseded and writes nothing.
    const superseded = planned.phase.startsWith('remind-') && plan.some((p) => p.fireAt > planned.fireAt && p.fireAt.getTime() <= now.getTime());
    const inserted = await this.firings.insert(m, { ...ref, fireAt: planned.fireAt, firedAt: now, latenessMs, outcome: superseded ? 'superseded' : 'fired' });
    if (!inserted) {
      // Crash-window repair (see the class comment): the deadline is still open, so PROBATION_ENDED was not recorded.
      if (planned.phase === 'due') return { result: { outcome: 'duplicate', notifications: 0 }, applyTimedEventsOf: row.caseId };
      return { result: { outcome: 'duplicate', notifications: 0 } };
    }
    if (superseded) return { result: { outcome: 'stale', notifications: 0 } };

    const notifications = await this.act(m, row, planned, now);
    return {
      result: { outcome: 'fired', notifications, latenessMs },
      applyTimedEventsOf: planned.phase === 'due' ? row.caseId : undefined,
    };
  }

  /** What the firing does; returns the number of notifications written. */
  private async act(m: EntityManager, row: DeadlineForFiring, planned: PlannedFiring, now: Date): Promise<number> {
    const rules = this.policies.policy.kinds[row.kind];
    const chain = await this.organisations.chainOf(m, row.organisationId);
    const alerted = resolveRecipients(chain, rules.alert);
    const subject: NotificationSubject = { caseId: row.caseId, candidateName: row.candidateName, kind: row.kind, dueOn: row.dueOn, source: row.source };

    if (planned.phase === 'escalate') {
      await this.deadlines.markMissed(m, row.id, now);
      const to = rules.escalation ? escalationRecipients(chain, alerted, rules.escalation) : alerted;
      return this.notify(m, row, planned, to, 'escalation', escalationText(subject), now);
    }
    if (planned.phase === 'due') {
      return this.notify(m, row, planned, alerted, 'probation_ended', probationEndedText(subject), now);
    }
    const offset = rules.reminders.find((o) => reminderPhase(o) === planned.phase);
    if (!offset) return 0; // unreachable: the phase came from this very policy
    return this.notify(m, row, planned, alerted, 'reminder', reminderText(subject, offset), now);
  }

  private notify(
    m: EntityManager,
    row: DeadlineForFiring,
    planned: PlannedFiring,
    recipients: readonly Recipient[],
    kind: NotificationKind,
    text: Pick<NewNotification, 'title' | 'body'>,
    now: Date,
  ): Promise<number> {
    return this.inbox.insertMany(
      m,
      recipients.map((r) => ({
        organisationId: r.organisationId,
        role: r.role,
        caseId: row.caseId,
        deadlineId: row.id,
        kind,
        phase: planned.phase,
        dueOn: row.dueOn,
        ...text,
        createdAt: now,
        dedupeKey: `${row.id}:${planned.generation}:${planned.phase}:${r.organisationId}:${r.role}`,
      })),
    );
  }
}
