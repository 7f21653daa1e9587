import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ApplyTimedEvents } from '@charterflow/cases';
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

/**
 * The one idempotent firing handler every transport calls (ADR 0007 §4). In one transaction it locks the case row,
 * then the deadline row (the lock order of every case write, ADR 0011), checks the deadline is open and of the same
 * generation, recomputes the plan, and records the firing in `deadline_firings`; only the transaction whose insert
 * succeeded writes notifications (and their webhook deliveries) or marks the deadline missed.
 *
 * The `due` firing of PROBATION_END also records the engine's PROBATION_ENDED (`ApplyTimedEvents`) in that same
 * transaction: the ledger row, the notification and the case's step commit together or not at all, so there is no
 * state where the firing is recorded and the case has not moved, and nothing to repair.
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
    private readonly timedEvents: ApplyTimedEvents,
  ) {}

  async fire(ref: FiringRef): Promise<FiringResult> {
    if (typeof ref?.deadlineId !== 'string' || !isUuid(ref.deadlineId) || !Number.isInteger(ref.generation)) return STALE;
    const result = await this.dataSource.transaction((m) => this.attempt(m, ref));
    if (result.outcome === 'fired') {
      this.logger.debug({ ...ref, latenessMs: result.latenessMs, notifications: result.notifications }, 'deadline firing');
    }
    return result;
  }

  private async attempt(m: EntityManager, ref: FiringRef): Promise<FiringResult> {
    // The case row first, then the deadline row: the order dispatch takes them in (it locks the case, then upserts
    // its deadlines), so a firing and a step on the same case wait for each other instead of deadlocking. A deadline
    // never changes case, so reading its case id before holding any lock is safe.
    const caseId = await this.deadlines.caseOf(m, ref.deadlineId);
    if (!caseId || !(await this.timedEvents.lockCase(m, caseId))) return STALE;
    const row = await this.deadlines.lockForFiring(m, ref.deadlineId);
    if (!row || row.status !== 'open' || row.generation !== ref.generation) return STALE;

    const plan = planFirings(row, this.policies.policy, this.calendars.calendarFor(row.provinceId));
    const planned = plan.find((p) => p.phase === ref.phase);
    // A phase the policy no longer plans for this row (policy changed since the job was queued): nothing to do.
    if (!planned) return STALE;
    const now = this.clock.now();
    if (planned.fireAt.getTime() > now.getTime()) return { outcome: 'early', notifications: 0 };
    const latenessMs = now.getTime() - planned.fireAt.getTime();

    // A reminder overtaken by a later firing that is also due (a backlog after downtime, or a case recorded late)
    // would only add noise: it is recorded as superseded and writes nothing.
    const superseded = planned.phase.startsWith('remind-') && plan.some((p) => p.fireAt > planned.fireAt && p.fireAt.getTime() <= now.getTime());
    const inserted = await this.firings.insert(m, { ...ref, fireAt: planned.fireAt, firedAt: now, latenessMs, outcome: superseded ? 'superseded' : 'fired' });
    if (!inserted) return { outcome: 'duplicate', notifications: 0 };
    if (superseded) return { outcome: 'stale', notifications: 0 };

    const notifications = await this.act(m, row, planned, now);
    // The engine's PROBATION_ENDED, in this transaction: it closes the deadline this firing holds (met).
    if (planned.phase === 'due') await this.timedEvents.execute(row.caseId, m);
    return { outcome: 'fired', notifications, latenessMs };
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
