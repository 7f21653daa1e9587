import { BusinessDate } from '../model/dates';
import { EventType } from '../model/events';
import { Decision } from '../model/engine';
import { weekdayCalendar } from '../__fixtures__/weekday-calendar';
import { CANDIDATE, CaseDriver, ORDINARY_CELL, PASSING_CELL_VOTE, toCellReview, toProbation, toRecognitionReview } from '../__fixtures__/scenario';
import { EXTENDABLE_DEADLINE_KINDS } from '../rules';
import { QD232_2025, QD294_2025 } from '../versions/rule-sets';
import { DEADLINE_TABLE, deadlineExtension } from './table';
import { deadlineLimitsText, deadlineLimitText, RecordedEvent, replaySteps, traceDeadlines, tracesOf } from './trace';

const CALENDAR = weekdayCalendar();

/** The engine's driver, also keeping the history as it would be stored (seq, payload, recorded states). */
class RecordingDriver extends CaseDriver {
  readonly events: RecordedEvent[];
  constructor(openedOn: BusinessDate = '2025-09-01') {
    super(undefined, openedOn);
    this.events = [{ seq: 1, type: 'CASE_OPENED', occurredOn: openedOn, payload: { candidate: CANDIDATE }, fromState: null, toState: 'sympathiser' }];
  }
  override send<T extends EventType>(type: T, occurredOn: BusinessDate, payload?: object): Decision {
    const d = super.send(type, occurredOn, payload as never);
    if (d.ok) this.events.push({ seq: this.events.length + 1, type, occurredOn, payload: JSON.parse(JSON.stringify(payload ?? {})), fromState: d.fromState, toState: d.toState });
    return d;
  }
  replayed() {
    return replaySteps({ procedureVersion: this.aggregate.procedureVersion, organisation: ORDINARY_CELL, events: this.events });
  }
  traced() {
    return traceDeadlines(this.replayed(), CALENDAR);
  }
}

/** The trace without the step references: what the engine stores for the case. */
const asRecords = (traces: ReturnType<RecordingDriver['traced']>) => traces.map(({ openedBySeq: _o, extendedBySeq: _e, closedBySeq: _c, ...d }) => d);

describe('the extension is a column of DEADLINE_TABLE', () => {
  it('EXTENDABLE_DEADLINE_KINDS are exactly the rows with an extension', () => {
    expect([...EXTENDABLE_DEADLINE_KINDS]).toEqual(DEADLINE_TABLE.filter((d) => d.extension !== null).map((d) => d.kind));
    expect([...EXTENDABLE_DEADLINE_KINDS]).toEqual(['ADMISSION_DECISION', 'RECOGNITION_DECISION']);
  });
  it('the extension follows the rule set', () => {
    expect(deadlineExtension('ADMISSION_DECISION', QD294_2025)).toBe(15);
    expect(deadlineExtension('ADMISSION_DECISION', QD232_2025)).toBe(30);
    expect(deadlineExtension('RECOGNITION_DECISION', QD294_2025)).toBe(15);
    expect(deadlineExtension('CEREMONY', QD294_2025)).toBe(0);
  });
});

describe('replaySteps / traceDeadlines', () => {
  it('replays every step but CASE_OPENED with the recorded states and the facts the engine saw', () => {
    const c = new RecordingDriver();
    toProbation(c);
    const { steps, facts } = c.replayed();
    expect(steps.map((s) => s.seq)).toEqual(c.events.slice(1).map((e) => e.seq));
    expect(steps[steps.length - 1]).toMatchObject({ toState: 'probation', event: { type: 'CEREMONY_HELD' } });
    expect(facts.probationEndOn).toBe('2027-01-06');
  });

  it('a whole path traces exactly the deadlines the engine stored, with the steps that opened and closed them', () => {
    const c = new RecordingDriver();
    toRecognitionReview(c);
    c.ok('RECOGNITION_CELL_VOTE_RECORDED', '2027-01-12', { ...PASSING_CELL_VOTE, motion: 'recognise' });
    const traced = c.traced();
    expect(asRecords(traced)).toEqual(c.aggregate.deadlines);
    const ceremony = tracesOf(traced, 'CEREMONY')[0];
    const seqOf = (type: string) => c.events.find((e) => e.type === type)!.seq;
    expect(ceremony).toMatchObject({ status: 'met', closedOn: '2026-01-06', closedBySeq: seqOf('CEREMONY_HELD') });
    expect(tracesOf(traced, 'RECOGNITION_DECISION')[0]).toMatchObject({ status: 'open', closedOn: null, closedBySeq: null, openedBySeq: seqOf('RECOGNITION_CELL_VOTE_RECORDED') });
  });

  it('an extension moves the due day by the rule set’s extension and names its step', () => {
    const c = new RecordingDriver();
    toCellReview(c);
    c.ok('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE).ok('DEADLINE_EXTENDED', '2025-11-20', { deadlineKind: 'ADMISSION_DECISION', reason: 'x' } as never);
    const t = tracesOf(c.traced(), 'ADMISSION_DECISION')[0];
    const plain = CALENDAR.addWorkingDays('2025-11-10', QD294_2025.admissionDecision.workingDays);
    expect(t).toMatchObject({ originalDueOn: plain, dueOn: CALENDAR.addWorkingDays(plain, QD294_2025.admissionDecision.extension), extendedBy: 15, extendedBySeq: c.events.length, status: 'open' });
  });

  it('judges met on the due day and missed on the next working day (imported history)', () => {
    const c = new RecordingDriver();
    toCellReview(c);
    c.ok('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE).ok('GRASSROOTS_VOTE_RECORDED', '2025-11-17', { committeeMembers: 9, inFavour: 7 });
    const due = CALENDAR.addWorkingDays('2025-11-10', QD294_2025.admissionDecision.workingDays);
    const decided = (on: BusinessDate) =>
      traceDeadlines(
        replaySteps({
          procedureVersion: c.aggregate.procedureVersion,
          organisation: ORDINARY_CELL,
          events: [
            ...c.events,
            { seq: c.events.length + 1, type: 'ADMISSION_DECIDED', occurredOn: on, payload: { decisionNo: 'QĐ-1', standingMembers: 7, inFavour: 5, receivedOn: on }, fromState: 'superiorReview', toState: 'awaitingCeremony' },
          ],
        }),
        CALENDAR,
      );
    expect(tracesOf(decided(due), 'ADMISSION_DECISION')[0]).toMatchObject({ status: 'met', dueOn: due, closedOn: due });
    const late = CALENDAR.addWorkingDays(due, 1);
    expect(tracesOf(decided(late), 'ADMISSION_DECISION')[0]).toMatchObject({ status: 'missed', closedOn: late, lateWorkingDays: 1, closedBySeq: c.events.length + 1 });
  });

  it('reads the numbers of the rule set at trace time (a changed rule set changes the trace)', () => {
    const c = new RecordingDriver();
    toProbation(c);
    const before = tracesOf(c.traced(), 'MEMBER_RECORDS')[0];
    const saved = QD294_2025.memberRecordsWorkingDays;
    try {
      (QD294_2025 as { memberRecordsWorkingDays: number }).memberRecordsWorkingDays = saved + 7;
      const after = tracesOf(c.traced(), 'MEMBER_RECORDS')[0];
      expect(after.dueOn).toBe(CALENDAR.addWorkingDays(before.dueOn, 7));
      expect(after.length).toEqual({ amount: saved + 7, unit: 'workingDays' });
    } finally {
      (QD294_2025 as { memberRecordsWorkingDays: number }).memberRecordsWorkingDays = saved;
    }
  });

  it('a history whose states leave the stage cancels the limit on that day', () => {
    const c = new RecordingDriver();
    toCellReview(c);
    c.ok('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE).ok('WITHDRAWN', '2025-11-12', { reason: 'x' });
    expect(tracesOf(c.traced(), 'ADMISSION_DECISION')[0]).toMatchObject({ status: 'cancelled', closedOn: '2025-11-12', closedBySeq: c.events.length });
  });
});

describe('the limits in words come from the table', () => {
  it('names the length, the variants and the extension of the rule set', () => {
    expect(deadlineLimitText('ADMISSION_DECISION', QD294_2025, 'en')).toBe('45 working days, +15 once');
    expect(deadlineLimitText('ADMISSION_DECISION', QD232_2025, 'vi')).toBe('60 ngày làm việc, gia hạn 30 ngày');
    expect(deadlineLimitText('VERIFICATION_REPLY', QD294_2025, 'en')).toBe('30 working days (domestic), 90 working days (abroad)');
    expect(deadlineLimitText('PROBATION_END', QD294_2025, 'en')).toBe('12 months');
  });
  it('lists the rule sets that differ, newest first, and merges those that do not', () => {
    expect(deadlineLimitsText('ADMISSION_DECISION', 'en')).toBe('QĐ294 §4.3.1: 45 working days, +15 once; QĐ232 §4.3.1: 60 working days, +30 once');
    expect(deadlineLimitsText('CEREMONY', 'en')).toBe('30 working days');
  });
});
