import { createWorkingDayCalendar, DomainEvent } from '@charterflow/procedure';
import { CANDIDATE, weekdayCalendar } from '@charterflow/procedure/testing';
import { Actor } from '@charterflow/kernel';
import official2026 from '../../../../config/calendar/vn-2026.json';
import { ImportOutcome, ReadyImport, ReplayTask } from './import-replay';
import { Admitted, ReplayThreads } from './replay-threads';

const ACTOR: Actor = { kind: 'user', userId: 'u-1', username: 'clerk', organisationId: null, roles: ['grassroots_office'] };
const CALENDAR = createWorkingDayCalendar([official2026]);
const RECORDED_AT = new Date('2026-06-30T03:00:00.000Z');

/** A dossier up to a verification request: its reply is due 30 working days later (the calendar decides when). */
const HISTORY = [
  { type: 'AWARENESS_CERTIFICATE_RECORDED', occurredOn: '2026-03-10', certificateNo: 'CN-1', issuedOn: '2026-03-05', issuer: 'Trung tâm chính trị phường' },
  { type: 'DOSSIER_OPENED', occurredOn: '2026-04-01', resolutionNo: 'NQ-7' },
  { type: 'APPLICATION_FILED', occurredOn: '2026-04-02' },
  { type: 'BIOGRAPHY_FILED', occurredOn: '2026-04-03' },
  { type: 'VERIFICATION_REQUESTED', occurredOn: '2026-04-06', requestId: 'req-1', scope: 'domestic', subject: 'father' },
] as unknown as DomainEvent[];

/** Row `n`; every fifth one then records a step its stage does not take (refused by the engine). */
function row(n: number, calendar = CALENDAR): Admitted {
  const events = n % 5 === 0 ? [...HISTORY, { type: 'ADMISSION_DECIDED', occurredOn: '2026-04-07' } as unknown as DomainEvent] : HISTORY;
  const task: ReplayTask = {
    input: { externalId: `HS-${n}`, organisationId: 'cell-1', openedOn: '2026-03-02', candidate: { ...CANDIDATE, fullName: `Ứng viên ${n}` }, events, rowHash: `hash-${n}` },
    actor: ACTOR,
    env: { today: '2026-06-30', organisation: { authorisedToAdmit: false, directlyUnderSuperior: false } },
    provinceId: 'province-1',
    key: `province-1:HS-${n}`,
    recordedAt: RECORDED_AT,
  };
  return { task, calendar };
}

/** What a replay answers, without what is drawn at random (the case id, hence the history's hashes). */
function comparable(outcome: ImportOutcome | ReadyImport): unknown {
  if (outcome.status !== 'ready') return outcome;
  const { prepared, ...rest } = outcome;
  return {
    ...rest,
    state: prepared.row.state,
    candidate: prepared.row.candidate,
    searchText: prepared.row.searchText,
    createdAt: prepared.row.createdAt.toISOString(),
    importHash: prepared.row.importHash,
    history: prepared.history.map((h) => [h.seq, h.type, h.fromState, h.toState, h.occurredOn, h.recordedAt.toISOString()]),
    deadlines: prepared.deadlines,
  };
}

describe('ReplayThreads (import rows replayed on other threads)', () => {
  const rows = Array.from({ length: 120 }, (_, i) => row(i + 1));
  let inline: (ImportOutcome | ReadyImport)[];

  beforeAll(async () => {
    inline = await new ReplayThreads(0).replayAll(rows);
  });

  it('answers inline: ready rows with their history, and the refused ones with the engine reason', () => {
    expect(inline).toHaveLength(120);
    const ready = inline.filter((o): o is ReadyImport => o.status === 'ready');
    expect(ready).toHaveLength(96);
    expect(ready[0]).toMatchObject({ externalId: 'HS-1', key: 'province-1:HS-1', rowHash: 'hash-1' });
    expect(ready[0].prepared.history.map((h) => h.type)).toEqual(['CASE_OPENED', ...HISTORY.map((e) => e.type)]);
    expect(ready[0].prepared.row).toMatchObject({ externalId: 'HS-1', importProvinceId: 'province-1', importHash: 'hash-1', lastSeq: 6 });
    // 30 working days after 6 April 2026 on the official calendar (Hùng Kings 27 Apr, 30 Apr and 1 May off); past on import day.
    expect(ready[0].prepared.deadlines).toContainEqual(expect.objectContaining({ kind: 'VERIFICATION_REPLY', dueOn: '2026-05-21', status: 'missed' }));
    expect(inline[4]).toEqual({ status: 'refused', errors: [expect.objectContaining({ code: 'EVENT_NOT_ALLOWED', eventType: 'ADMISSION_DECIDED' })] });
  });

  it('answers on two threads what it answers inline, in the rows’ order, and keeps working batch after batch', async () => {
    const threads = new ReplayThreads(2);
    try {
      const first = await threads.replayAll(rows);
      expect(first.map(comparable)).toEqual(inline.map(comparable));
      // The cases' ids are drawn in the thread, one per ready row.
      const ids = first.flatMap((o) => (o.status === 'ready' ? [o.prepared.row.id] : []));
      expect(new Set(ids).size).toBe(96);
      const second = await threads.replayAll(rows.slice(0, 60));
      expect(second.map(comparable)).toEqual(inline.slice(0, 60).map(comparable));
    } finally {
      await threads.close();
    }
  });

  it('counts with the calendar each row is given: a thread builds each calendar from its definition', async () => {
    // The province of row 2 took 7 April 2026 off as well: its reply is due a working day later.
    const other = createWorkingDayCalendar([{ ...official2026, daysOff: [...official2026.daysOff, { date: '2026-04-07', name: 'Ngày nghỉ của tỉnh' }] }]);
    const mixed = [row(1), row(2, other), row(3)];
    const expected = await new ReplayThreads(0).replayAll(mixed);
    const dueOn = (o: ImportOutcome | ReadyImport) => (o.status === 'ready' ? o.prepared.deadlines.find((d) => d.kind === 'VERIFICATION_REPLY')?.dueOn : undefined);
    expect(expected.map(dueOn)).toEqual(['2026-05-21', '2026-05-22', '2026-05-21']);
    const threads = new ReplayThreads(1);
    try {
      expect((await threads.replayAll(mixed)).map(comparable)).toEqual(expected.map(comparable));
      // Again, the thread now holding both calendars.
      expect((await threads.replayAll([row(2, other), row(1)])).map(dueOn)).toEqual(['2026-05-22', '2026-05-21']);
    } finally {
      await threads.close();
    }
  });

  it('replays inline when a calendar cannot be handed to a thread (a hand-made one)', async () => {
    const threads = new ReplayThreads(1);
    try {
      const handMade = weekdayCalendar();
      expect(handMade.definition).toBeUndefined();
      const answers = await threads.replayAll([row(1, handMade), row(5, handMade)]);
      expect(answers.map((a) => a.status)).toEqual(['ready', 'refused']);
    } finally {
      await threads.close();
    }
  });

  it('fails the batch a thread could not replay, with the thread’s error, and replays the next batch', async () => {
    const threads = new ReplayThreads(1);
    try {
      const broken = row(7);
      // No events list: the replay throws in the thread (a fault of the code, not a refused row).
      (broken.task.input as { events?: unknown }).events = undefined;
      await expect(threads.replayAll([row(6), broken])).rejects.toThrow(/events|iterable|undefined/);
      const next = await threads.replayAll([row(8)]);
      expect(comparable(next[0])).toEqual(comparable(inline[7]));
    } finally {
      await threads.close();
    }
  });

  it('refuses a negative or fractional size, and replays inline once closed', async () => {
    expect(() => new ReplayThreads(-1)).toThrow(RangeError);
    expect(() => new ReplayThreads(1.5)).toThrow(RangeError);
    const threads = new ReplayThreads(1);
    await threads.close();
    const after = await threads.replayAll([row(1)]);
    expect(comparable(after[0])).toEqual(comparable(inline[0]));
  });
});
