import { DataSource } from 'typeorm';
import { CaseEventsRepository, CasesRepository, CaseStore, DecisionEnvs, DeadlinesRepository, IdempotencyKeysRepository, replayImport, verifyEvents } from '@charterflow/cases';
import type { ReadyImport, ReplayTask } from '@charterflow/cases';
import { createWorkingDayCalendar, DomainEvent } from '@charterflow/procedure';
import { Actor } from '@charterflow/kernel';
import { createTestDataSource } from '../support/database';
import { buildHarness, CANDIDATE, Harness, OPENED_ON } from './harness';

/** Texts that a column-by-column encoding must carry through unchanged: quotes, backslashes, braces, commas, NULL. */
const AWKWARD = 'Trung tâm "Chính trị" \\ phường {Kinh Bắc}, NULL — 🇻🇳';

const clerk = (username: string): Actor => ({ kind: 'user', userId: `u-${username}`, username, organisationId: null, roles: ['admin'] });

/**
 * An import's batch stores its histories in one statement, one array per column with each distinct actor sent once
 * (ADR 0028): on real PostgreSQL, every row reads back exactly as prepared — payloads, actors, states, instants and
 * hashes — and each history verifies.
 */
describe('an import batch stored (real PostgreSQL)', () => {
  let db: DataSource;
  let h: Harness;
  let store: CaseStore;
  let events: CaseEventsRepository;

  beforeAll(async () => {
    db = await createTestDataSource();
    h = await buildHarness(db);
    const calendar = createWorkingDayCalendar([]);
    events = new CaseEventsRepository(db);
    store = new CaseStore(
      db,
      h.clock,
      new DecisionEnvs(h.clock, { calendarFor: () => calendar, allCalendars: () => [calendar] }),
      new CasesRepository(db),
      events,
      new DeadlinesRepository(db),
      new IdempotencyKeysRepository(db),
    );
  });
  afterAll(async () => {
    await db?.destroy();
  });

  const ready = (externalId: string, actor: Actor, recordedAt: string, issuer: string, more: DomainEvent[] = []): ReadyImport => {
    const history: DomainEvent[] = [
      { type: 'AWARENESS_CERTIFICATE_RECORDED', occurredOn: '2026-05-11', certificateNo: `CN "${externalId}"`, issuedOn: '2026-05-08', issuer },
      { type: 'DOSSIER_OPENED', occurredOn: '2026-05-12', resolutionNo: 'NQ\\12' },
      { type: 'APPLICATION_FILED', occurredOn: '2026-05-13' },
      ...more,
    ];
    const task: ReplayTask = {
      input: { externalId, organisationId: h.tree.cell.id, openedOn: OPENED_ON, candidate: { ...CANDIDATE, fullName: `Lê Văn ${externalId}` }, events: history, rowHash: `hash-${externalId}` },
      actor,
      env: { today: '2026-06-01', organisation: { authorisedToAdmit: false, directlyUnderSuperior: false } },
      provinceId: h.tree.province.id,
      key: `${h.tree.province.id}:${externalId}`,
      recordedAt: new Date(recordedAt),
    };
    const outcome = replayImport(task, createWorkingDayCalendar([]));
    if (outcome.status !== 'ready') throw new Error(`replay refused: ${JSON.stringify(outcome)}`);
    return outcome;
  };

  it('reads back every row exactly as prepared, two actors and awkward texts included, and each history verifies', async () => {
    const batch = [
      ready('NB-1', clerk('van"phong\\1'), '2026-06-01T03:00:00.123Z', AWKWARD),
      ready('NB-2', clerk('Văn phòng {2}'), '2026-06-01T03:00:01.456Z', 'Trung tâm chính trị'),
      ready('NB-3', clerk('van"phong\\1'), '2026-06-01T03:00:02.000Z', ''),
    ];
    await db.transaction((m) => store.importIn(m, batch.map((b) => b.prepared)));

    for (const { prepared } of batch) {
      const stored = await events.listByCase(prepared.row.id);
      expect(stored).toEqual(prepared.history);
      expect(stored.map((e) => e.fromState)[0]).toBeNull();
      const chained = stored.map((e) => ({ ...e, recordedAt: e.recordedAt.toISOString() }));
      expect(verifyEvents(chained, { lastSeq: prepared.row.lastSeq, lastHash: prepared.row.lastHash, state: prepared.row.state })).toMatchObject({ valid: true });
    }
    const first = await events.listByCase(batch[0].prepared.row.id);
    expect(first[1].payload).toMatchObject({ issuer: AWKWARD, certificateNo: 'CN "NB-1"' });
    expect(first[1].actor).toMatchObject({ username: 'van"phong\\1' });
    expect((await events.listByCase(batch[1].prepared.row.id))[2].payload).toEqual({ resolutionNo: 'NQ\\12' });
  });

  it('queues delivery for the open deadlines it inserts, and for no limit it inserts already closed', async () => {
    const verified: DomainEvent[] = [
      { type: 'VERIFICATION_REQUESTED', occurredOn: '2026-05-14', requestId: 'r-1', scope: 'domestic', subject: 'father' },
      { type: 'VERIFICATION_REPLIED', occurredOn: '2026-05-20', requestId: 'r-1' },
    ];
    const batch = [ready('NB-5', clerk('b'), '2026-06-01T05:00:00.000Z', 'y', verified), ready('NB-6', clerk('b'), '2026-06-01T05:00:00.000Z', 'z')];
    await db.transaction((m) => store.importIn(m, batch.map((b) => b.prepared)));
    const rows: { status: string; queued: number }[] = await db.query(
      `SELECT d.status, (SELECT count(*)::int FROM outbox o WHERE o.deadline_id = d.id AND o.generation = d.generation) AS queued
       FROM deadlines d WHERE d.case_id = ANY($1::uuid[]) ORDER BY d.status, d.key`,
      [batch.map((b) => b.prepared.row.id)],
    );
    // The replayed histories leave limits open (the dossier's documents) and met (the verification replied to).
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['open', 'met']));
    for (const r of rows) expect(r).toEqual({ status: r.status, queued: r.status === 'open' ? 1 : 0 });
  });

  it('writes nothing of a batch whose statement fails (a history row repeated)', async () => {
    const one = ready('NB-4', clerk('a'), '2026-06-01T04:00:00.000Z', 'x');
    const broken = { ...one.prepared, history: [...one.prepared.history, one.prepared.history[1]] };
    await expect(db.transaction((m) => store.importIn(m, [broken]))).rejects.toThrow(/case_events_case_id_seq_key|duplicate key/);
    expect(await events.listByCase(one.prepared.row.id)).toEqual([]);
    expect(await db.query(`SELECT count(*)::int AS n FROM cases WHERE id = $1`, [one.prepared.row.id])).toEqual([{ n: 0 }]);
  });
});
