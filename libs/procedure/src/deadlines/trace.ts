import { Readmission } from '../schema/readmission.schema';
import { BusinessDate } from '../model/dates';
import { Candidate } from '../model/candidate';
import { DeadlineKind, DeadlineLength, DeadlineRecord } from '../model/deadlines';
import { DecisionEnv, OrganisationFacts } from '../model/engine';
import { DomainEvent } from '../model/events';
import { TopState } from '../model/states';
import { WorkingDayCalendar } from '../model/calendar';
import { applyFacts, CaseFacts, GuardEnv, initialFacts, OpenDeadlineView, transferStageOf } from '../machine/facts';
import { addMonths } from '../calendar/business-date';
import { RULE_SETS, RuleSet, ruleSetFor } from '../versions/rule-sets';
import { nextDeadlines, openedRecord } from './apply';
import { deadlineDefinition, dueDate } from './table';

/** One recorded history row, as stored (the payload is the event body without `type` and `occurredOn`). */
export interface RecordedEvent {
  seq: number;
  type: string;
  occurredOn: BusinessDate;
  payload: Record<string, unknown>;
  fromState: string | null;
  toState: string;
}

/** A case's recorded history: what replaySteps needs to rebuild the engine's view of every step. */
export interface RecordedHistory {
  procedureVersion: string;
  /** The rule profile the case was opened under (ADR 0023). Absent: `central`. */
  ruleProfile?: string;
  organisation: OrganisationFacts;
  /** Used when the history holds no CASE_OPENED (its payload's candidate wins otherwise). */
  candidate?: Candidate;
  /** In seq order, CASE_OPENED first. */
  events: readonly RecordedEvent[];
  /**
   * The open limits the guards of a step saw (for the engine's rules). Default: none. The deadline trace does not
   * read them: it computes the limits itself.
   */
  openDeadlinesOn?: (on: BusinessDate) => OpenDeadlineView[];
}

/** One recorded step with the facts just before and after it, as the engine's fact reducer builds them. */
export interface ReplayedStep {
  seq: number;
  on: BusinessDate;
  event: DomainEvent;
  /** The states as recorded (an imported history keeps the states it was recorded with). */
  fromState: TopState | null;
  toState: TopState;
  before: CaseFacts;
  after: CaseFacts;
  env: GuardEnv;
}

export interface ReplayedHistory {
  steps: ReplayedStep[];
  facts: CaseFacts;
}

/**
 * Folds the recorded events with `applyFacts` (the reducer the machine's `record` action uses), whatever the guards
 * would have said: the facts the engine saw, also for imported histories that broke rules the live engine refuses.
 * CASE_OPENED gives the initial facts and is not a step. Pure.
 */
export function replaySteps(history: RecordedHistory): ReplayedHistory {
  const opened = history.events.find((e) => e.type === 'CASE_OPENED');
  const candidate = (opened?.payload.candidate ?? history.candidate) as Candidate;
  let facts = initialFacts({
    candidate,
    openedOn: opened?.occurredOn ?? history.events[0]?.occurredOn ?? '1970-01-01',
    procedureVersion: history.procedureVersion,
    readmission: (opened?.payload.readmission ?? null) as Readmission | null,
    ruleProfile: history.ruleProfile,
  });
  const steps: ReplayedStep[] = [];
  for (const e of history.events) {
    if (e.type === 'CASE_OPENED') continue;
    const event = { ...e.payload, type: e.type, occurredOn: e.occurredOn } as DomainEvent;
    const env: GuardEnv = {
      today: e.occurredOn,
      organisation: history.organisation,
      openDeadlines: history.openDeadlinesOn ? history.openDeadlinesOn(e.occurredOn) : [],
    };
    const before = facts;
    const from = e.fromState ?? '';
    // A transfer's facts follow the recorded states, as every replayed step does: its stage is the state it met, and it
    // annulled the admission decision (D18) exactly when it was recorded as sending the case back to the competent
    // committee. An imported history that kept a late decision is replayed as kept (and A25 fails it).
    const annulled = from === 'awaitingCeremony' && e.toState === 'superiorReview';
    const stepEnv: GuardEnv =
      event.type !== 'TRANSFERRED' ? env : { ...env, transferStage: transferStageOf(from), ...(annulled ? { transferDecisionLimitOn: '0001-01-01' } : {}) };
    facts = applyFacts(before, { ...event, env: stepEnv });
    steps.push({ seq: e.seq, on: e.occurredOn, event, fromState: e.fromState as TopState | null, toState: e.toState as TopState, before, after: facts, env: stepEnv });
  }
  return { steps, facts };
}

/** One limit of a replayed history: the engine's record, with the steps that opened, extended and closed it. */
export interface DeadlineTrace extends DeadlineRecord {
  /** The step that opened the limit. */
  openedBySeq: number;
  /** The DEADLINE_EXTENDED that extended it, or null. */
  extendedBySeq: number | null;
  /** The step that closed it (met, missed or cancelled), or null while open. */
  closedBySeq: number | null;
}

/**
 * Traces every limit of a history through DEADLINE_TABLE (the engine's own `nextDeadlines`, step by step, with the
 * recorded states): for each limit, the day it opened, its due day (with the extension), the day and step that
 * closed it and its status (met / missed / cancelled / open). The numbers are those of the rule set in force on the
 * triggering event's date. Pure: the calendar is the only input besides the history.
 */
export function traceDeadlines(history: ReplayedHistory | readonly ReplayedStep[], calendar: WorkingDayCalendar): DeadlineTrace[] {
  const steps = Array.isArray(history) ? (history as readonly ReplayedStep[]) : (history as ReplayedHistory).steps;
  let records: DeadlineRecord[] = [];
  const opened = new Map<string, number>();
  const extended = new Map<string, number>();
  const closed = new Map<string, number>();
  let state: TopState = 'sympathiser';
  for (const step of steps) {
    const fromState = step.fromState ?? state;
    const env: DecisionEnv = { today: step.on, organisation: step.env.organisation, calendar };
    const next = nextDeadlines(records, { event: step.event, env: step.env, before: { state: fromState, facts: step.before }, after: { state: step.toState, facts: step.after } }, env);
    next.forEach((d, i) => {
      const prev = records[i];
      if (!prev) opened.set(d.key, step.seq);
      else {
        if (prev.status === 'open' && d.status !== 'open') closed.set(d.key, step.seq);
        if (d.extendedBy !== prev.extendedBy) extended.set(d.key, step.seq);
      }
    });
    records = next;
    state = step.toState;
  }
  return records.map((d) => ({ ...d, openedBySeq: opened.get(d.key)!, extendedBySeq: extended.get(d.key) ?? null, closedBySeq: closed.get(d.key) ?? null }));
}

/**
 * The limit of `kind` the table would open on `baseOn` (numbers of the rule set in force on that date, variant
 * `variant`), still open: for a limit whose opening step is not recorded yet (e.g. RECOGNITION_CELL_REVIEW before
 * PROBATION_ENDED is recorded). `openedBySeq` is the step the caller counts it from.
 */
export function projectedDeadline(
  kind: DeadlineKind,
  baseOn: BusinessDate,
  calendar: WorkingDayCalendar,
  openedBySeq: number,
  variant = 'default',
  ruleProfile?: string,
): DeadlineTrace {
  const def = deadlineDefinition(kind);
  if (!def) throw new Error(`unknown deadline kind ${kind}`);
  const rs = ruleSetFor(baseOn, ruleProfile);
  const length = def.lengths(rs)[variant];
  if (!length) throw new Error(`no ${variant} length for ${kind}`);
  const dueOn = dueDate({ today: baseOn, organisation: { authorisedToAdmit: false, directlyUnderSuperior: false }, calendar }, baseOn, length, addMonths);
  return {
    ...openedRecord({ key: kind, def, ruleSet: rs, baseOn, length, dueOn, openedOn: baseOn, reference: null }),
    openedBySeq,
    extendedBySeq: null,
    closedBySeq: null,
  };
}

/** `trace` closed by a step on `on`: met on or before its due day, else missed; or cancelled. */
export function closeTrace(trace: DeadlineTrace, on: BusinessDate, seq: number, calendar: WorkingDayCalendar, cancelled = false): DeadlineTrace {
  if (cancelled) return { ...trace, status: 'cancelled', closedOn: on, closedBySeq: seq, lateWorkingDays: null };
  const late = on > trace.dueOn;
  return { ...trace, status: late ? 'missed' : 'met', closedOn: on, closedBySeq: seq, lateWorkingDays: late ? calendar.workingDaysBetween(trace.dueOn, on) : null };
}

/** The traced limits of one kind, in the order they opened. */
export function tracesOf(traces: readonly DeadlineTrace[], kind: DeadlineKind): DeadlineTrace[] {
  return traces.filter((t) => t.kind === kind);
}

const LENGTH_UNITS = {
  workingDays: { vi: 'ngày làm việc', en: 'working days' },
  months: { vi: 'tháng', en: 'months' },
} as const;

const VARIANT_LABELS: Record<string, { vi: string; en: string }> = {
  domestic: { vi: 'trong nước', en: 'domestic' },
  abroad: { vi: 'ngoài nước', en: 'abroad' },
};

function lengthText(length: DeadlineLength, lang: 'vi' | 'en'): string {
  return `${length.amount} ${LENGTH_UNITS[length.unit][lang]}`;
}

/**
 * How long a limit of `kind` is under `ruleSet`, in words written from DEADLINE_TABLE: e.g. `45 working days, +15
 * once` / `45 ngày làm việc, gia hạn 15 ngày`; a kind with variants lists them (`30 working days (domestic), 90
 * working days (abroad)`).
 */
export function deadlineLimitText(kind: DeadlineKind, ruleSet: RuleSet, lang: 'vi' | 'en'): string {
  const def = deadlineDefinition(kind);
  if (!def) throw new Error(`unknown deadline kind ${kind}`);
  const lengths = Object.entries(def.lengths(ruleSet));
  const parts = lengths.map(([variant, length]) =>
    lengths.length === 1 || !VARIANT_LABELS[variant] ? lengthText(length, lang) : `${lengthText(length, lang)} (${VARIANT_LABELS[variant][lang]})`,
  );
  const text = parts.join(lang === 'vi' ? ' hoặc ' : ', ');
  const ext = def.extension ? def.extension(ruleSet) : 0;
  if (ext === 0) return text;
  return lang === 'vi' ? `${text}, gia hạn ${ext} ngày` : `${text}, +${ext} once`;
}

/**
 * The limit of `kind` under every rule set, newest first, rule sets with the same numbers merged: e.g. `QĐ294 §4.3.1:
 * 45 working days, +15 once; QĐ232 §4.3.1: 60 working days, +30 once`. A single text when no rule set differs.
 */
export function deadlineLimitsText(kind: DeadlineKind, lang: 'vi' | 'en'): string {
  const def = deadlineDefinition(kind);
  if (!def) throw new Error(`unknown deadline kind ${kind}`);
  const seen: { text: string; source: string }[] = [];
  for (const rs of [...RULE_SETS].reverse()) {
    const text = deadlineLimitText(kind, rs, lang);
    if (!seen.some((s) => s.text === text)) seen.push({ text, source: def.source(rs) });
  }
  return seen.length === 1 ? seen[0].text : seen.map((s) => `${s.source}: ${s.text}`).join('; ');
}
