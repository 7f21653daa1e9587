import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ApplyTimedEvents } from '@charterflow/cases';
// The inbox files directly, not the notifications barrel: its module also wires webhooks, which use this library.
import { InboxRepository } from '@charterflow/notifications';
import type { NewNotificationFanOut, NotificationKind } from '@charterflow/notifications';
import { FiringHandler, firingKey, FiringRef, FiringResult, phaseGroupOf } from '../contracts';
import { firingSchedule, reminderPhase } from '../plan/plan-firings';
import { ReminderPolicyService } from '../policy/reminder-policy.service';
import { DeadlineFiringsRepository, FiringRecord } from './deadline-firings.repository';
import { DeadlineForFiring, FiringDeadlinesRepository } from './firing-deadlines.repository';
import { escalationText, NotificationSubject, probationEndedText, reminderText } from './notification-text';
import { ChainOrganisation, OrganisationChainRepository } from './organisation-chain.repository';
import { escalationRecipients, Recipient, resolveRecipients } from './recipients';
import { CALENDAR_PROVIDER, CalendarProvider, Clock, isUuid } from '@charterflow/kernel';

const STALE: FiringResult = { outcome: 'stale', notifications: 0 };
const EARLY: FiringResult = { outcome: 'early', notifications: 0 };
const DUPLICATE: FiringResult = { outcome: 'duplicate', notifications: 0 };

/** A firing of the batch that passed the checks: its locked row, and how it is recorded (with its planned instant). */
interface Decided {
  ref: FiringRef;
  row: DeadlineForFiring;
  record: FiringRecord;
}

/**
 * The one idempotent firing handler every transport calls (ADR 0007 §4, ADR 0026). It fires a batch of firings in
 * one transaction with set-based statements: it locks the batch's case rows in id order, then their deadline rows
 * (the lock order of every case write, ADR 0011, so neither a step nor another batch deadlocks with it), checks
 * each deadline is open and of the same generation, recomputes its plan, and records the firings in
 * `deadline_firings` with one insert; only the firings whose ledger row that insert wrote get their notifications
 * (one insert, with their webhook deliveries) and mark their deadlines missed (one update). Each firing gets its own
 * answer, as if fired alone. `fire` is a batch of one.
 *
 * The `due` firing of PROBATION_END also records the engine's PROBATION_ENDED (`ApplyTimedEvents`) in that same
 * transaction: the ledger row, the notification and the case's step commit together or not at all, so there is no
 * state where the firing is recorded and the case has not moved, and nothing to repair. A batch whose transaction
 * fails has written nothing; the caller may fire its firings one by one.
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
    const [result] = await this.fireMany([ref]);
    return result;
  }

  /** Fires `refs` in one transaction; answers one result per ref, in order. Throws (writing nothing) if it fails. */
  async fireMany(refs: readonly FiringRef[]): Promise<FiringResult[]> {
    // One attempt per distinct firing; a firing named twice in the batch is answered `duplicate` the second time.
    const distinct = new Map<string, FiringRef>();
    for (const ref of refs) if (isWellFormed(ref) && !distinct.has(firingKey(ref))) distinct.set(firingKey(ref), ref);
    const answers = distinct.size === 0 ? new Map<string, FiringResult>() : await this.dataSource.transaction((m) => this.attempt(m, [...distinct.values()]));
    const answered = new Set<string>();
    const results = refs.map((ref) => {
      if (!isWellFormed(ref)) return STALE;
      const key = firingKey(ref);
      const result = answers.get(key) ?? STALE;
      if (answered.has(key)) return result.outcome === 'fired' ? DUPLICATE : result;
      answered.add(key);
      return result;
    });
    const fired = results.filter((r) => r.outcome === 'fired').length;
    if (fired > 0) this.logger.debug({ batch: refs.length, fired }, 'deadline firings');
    return results;
  }

  private async attempt(m: EntityManager, refs: readonly FiringRef[]): Promise<Map<string, FiringResult>> {
    const answers = new Map<string, FiringResult>(refs.map((ref) => [firingKey(ref), STALE]));
    // The case rows first, then the deadline rows: the order dispatch takes them in (it locks the case, then upserts
    // its deadlines), so a firing and a step on the same case wait for each other instead of deadlocking; and in id
    // order, so two batches naming the same cases wait for each other too. A deadline never changes case, so
    // reading its case id before holding any lock is safe.
    const caseOf = await this.deadlines.casesOf(m, refs.map((r) => r.deadlineId));
    const locked = await this.timedEvents.lockCases(m, [...caseOf.values()]);
    const rows = await this.deadlines.lockForFiring(m, [...caseOf].filter(([, caseId]) => locked.has(caseId)).map(([id]) => id));

    const now = this.clock.now();
    const nowMs = now.getTime();
    const decided: Decided[] = [];
    for (const ref of refs) {
      const row = rows.get(ref.deadlineId);
      if (!row || row.status !== 'open' || row.generation !== ref.generation) continue;
      const schedule = firingSchedule(row, this.policies.policy, this.calendars.calendarFor(row.provinceId));
      const planned = schedule.find((p) => p.phase === ref.phase);
      // A phase the policy no longer plans for this row (policy changed since the job was queued): nothing to do.
      if (!planned) continue;
      if (planned.fireAtMs > nowMs) {
        answers.set(firingKey(ref), EARLY);
        continue;
      }
      // A reminder overtaken by a later firing that is also due (a backlog after downtime, or a case recorded late)
      // would only add noise: it is recorded as superseded and writes nothing.
      const superseded = ref.phase.startsWith('remind-') && schedule.some((p) => p.fireAtMs > planned.fireAtMs && p.fireAtMs <= nowMs);
      const record: FiringRecord = { ...ref, fireAt: new Date(planned.fireAtMs), firedAt: now, latenessMs: nowMs - planned.fireAtMs, outcome: superseded ? 'superseded' : 'fired' };
      decided.push({ ref, row, record });
    }

    const inserted = await this.firings.insert(m, decided.map((d) => d.record));
    const acting: Decided[] = [];
    for (const d of decided) {
      if (!inserted.has(firingKey(d.ref))) answers.set(firingKey(d.ref), DUPLICATE);
      else if (d.record.outcome === 'fired') acting.push(d);
    }
    if (acting.length === 0) return answers;

    const chains = await this.organisations.chainsOf(m, acting.map((d) => d.row.organisationId));
    // The firings of one organisation, kind and phase group go to the same inboxes: resolved once per batch.
    const inboxes = new Map<string, Recipient[]>();
    const messages = acting.map((d) => this.messageOf(d.row, d.ref, chains.get(d.row.organisationId) ?? [], now, inboxes));
    const written = await this.inbox.insertFanOut(m, messages);
    await this.deadlines.markMissed(m, acting.filter((d) => d.ref.phase === 'escalate').map((d) => d.row.id), now);
    // The engine's PROBATION_ENDED, in this transaction: it closes the deadline this firing holds (met).
    for (const caseId of new Set(acting.filter((d) => d.ref.phase === 'due').map((d) => d.row.caseId))) await this.timedEvents.execute(caseId, m);

    acting.forEach((d, i) => answers.set(firingKey(d.ref), { outcome: 'fired', notifications: written[i], latenessMs: d.record.latenessMs }));
    return answers;
  }

  /**
   * The message a firing writes: one title and body, for every inbox its policy names (one notification each, keyed
   * by the firing and the inbox). `inboxes` keeps the recipients already resolved in this batch, by organisation, kind
   * and phase group: the firings that share them share the one list.
   */
  private messageOf(row: DeadlineForFiring, firing: FiringRef, chain: readonly ChainOrganisation[], now: Date, inboxes: Map<string, Recipient[]>): NewNotificationFanOut {
    const rules = this.policies.policy.kinds[row.kind];
    const group = phaseGroupOf(firing.phase);
    const inboxKey = `${row.organisationId} ${row.kind} ${group}`;
    let to = inboxes.get(inboxKey);
    if (!to) {
      const alerted = resolveRecipients(chain, rules.alert);
      to = group === 'escalate' && rules.escalation ? escalationRecipients(chain, alerted, rules.escalation) : alerted;
      inboxes.set(inboxKey, to);
    }
    const subject: NotificationSubject = { caseId: row.caseId, candidateName: row.candidateName, kind: row.kind, dueOn: row.dueOn, source: row.source };
    const message = (kind: NotificationKind, { title, body }: Pick<NewNotificationFanOut, 'title' | 'body'>): NewNotificationFanOut => ({
      to,
      caseId: row.caseId,
      deadlineId: row.id,
      kind,
      phase: firing.phase,
      dueOn: row.dueOn,
      title,
      body,
      createdAt: now,
      dedupePrefix: `${row.id}:${firing.generation}:${firing.phase}:`,
    });

    if (group === 'escalate') return message('escalation', escalationText(subject));
    if (group === 'due') return message('probation_ended', probationEndedText(subject));
    const offset = rules.reminders.find((o) => reminderPhase(o) === firing.phase);
    // Unreachable: the phase came from this very policy, which is read once per process.
    if (!offset) throw new Error(`the reminder policy plans no ${firing.phase} for ${row.kind}`);
    return message('reminder', reminderText(subject, offset));
  }
}

/** A ref a transport could hand over from a corrupted job: answered `stale` without touching the database. */
function isWellFormed(ref: FiringRef): boolean {
  return typeof ref?.deadlineId === 'string' && isUuid(ref.deadlineId) && Number.isInteger(ref.generation) && typeof ref.phase === 'string';
}
