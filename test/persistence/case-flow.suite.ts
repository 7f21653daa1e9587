import { DataSource } from 'typeorm';
import { inTransaction, onItsOwn } from '@charterflow/database';
import { DeadlineRecord, DomainEvent } from '@charterflow/procedure';
import { CasesRepository, CaseView, GENESIS_HASH, storeStep } from '@charterflow/cases';
import {
  APPLICATION_FILED,
  BIOGRAPHY_FILED,
  buildHarness,
  CANDIDATE,
  CERTIFICATE,
  countRows,
  domainError,
  DOSSIER_OPENED,
  Harness,
  OPENED_ON,
  STAFF,
} from './harness';
import { SYSTEM_ACTOR } from '@charterflow/kernel';

/**
 * The persistence behaviour of CasesService, run against a real database: PostgreSQL (cases.e2e-spec.ts) and
 * embedded PGlite (cases-pglite.e2e-spec.ts). `reset` empties every table.
 */
/** The verdict of an intact history of `events` events, checked against its case row. */
function intact(events: number) {
  return {
    valid: true,
    events,
    expectedEvents: events,
    checked: ['sequence', 'links', 'event_hashes', 'case_length', 'case_head', 'case_state'],
  };
}

export function caseFlowSuite(getDataSource: () => DataSource, reset: () => Promise<void>): void {
  let h: Harness;
  let ds: DataSource;

  beforeEach(async () => {
    ds = getDataSource();
    await reset();
    h = await buildHarness(ds);
  });

  const open = () => h.cases.create({ organisationId: h.tree.cell.id, occurredOn: OPENED_ON, candidate: CANDIDATE }, STAFF);
  /** A case in `dossier` at version 3. */
  const inDossier = async () => {
    const c = await open();
    await h.cases.dispatch(c.id, CERTIFICATE, STAFF);
    return h.cases.dispatch(c.id, DOSSIER_OPENED, STAFF);
  };

  describe('create', () => {
    it('stores the case at version 1 with CASE_OPENED as event 1', async () => {
      const c = await open();
      expect(c).toMatchObject({ state: 'sympathiser', version: 1, organisationId: h.tree.cell.id, procedureVersion: 'qd294-2025', candidate: CANDIDATE });
      expect(c.allowedEvents).toContain('AWARENESS_CERTIFICATE_RECORDED');
      expect(c.createdAt).toBe('2026-06-01T03:00:00.000Z');
      const events = await h.cases.events(c.id);
      expect(events).toEqual([
        expect.objectContaining({ seq: 1, type: 'CASE_OPENED', occurredOn: OPENED_ON, fromState: null, toState: 'sympathiser', prevHash: GENESIS_HASH }),
      ]);
      expect(events[0].payload).toEqual({ candidate: CANDIDATE });
      expect(events[0].actor).toEqual(STAFF);
      expect(await h.cases.get(c.id)).toEqual(c);
    });

    it('refuses an unknown organisation (VALIDATION_FAILED) and one that is not a cell (RULE_VIOLATION)', async () => {
      const unknown = await domainError(h.cases.create({ organisationId: '00000000-0000-4000-8000-000000000000', occurredOn: OPENED_ON, candidate: CANDIDATE }, STAFF));
      expect(unknown).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'organisationId' }] } });
      const notCell = await domainError(h.cases.create({ organisationId: h.tree.grassroots.id, occurredOn: OPENED_ON, candidate: CANDIDATE }, STAFF));
      expect(notCell).toMatchObject({ code: 'RULE_VIOLATION', details: { rule: 'CASE_ORGANISATION_NOT_CELL' } });
      expect(await ds.query(`SELECT id FROM cases`)).toEqual([]);
    });

    it('replays a create with the same idempotency key', async () => {
      const input = { organisationId: h.tree.cell.id, occurredOn: OPENED_ON, candidate: CANDIDATE };
      const first = await h.cases.create(input, STAFF, { idempotencyKey: 'k-create' });
      const again = await h.cases.create(input, STAFF, { idempotencyKey: 'k-create' });
      expect(again).toEqual(first);
      expect(await ds.query(`SELECT count(*)::int AS n FROM cases`)).toEqual([{ n: 1 }]);
    });
  });

  describe('dispatch', () => {
    it('appends the event, bumps the version and stores the deadlines with their row ids', async () => {
      const c = await open();
      const after = await h.cases.dispatch(c.id, CERTIFICATE, STAFF, { expectedVersion: 1 });
      expect(after).toMatchObject({ state: 'awarenessCertified', version: 2 });
      const expiry = after.deadlines.find((d) => d.kind === 'AWARENESS_CERTIFICATE_EXPIRY');
      expect(expiry).toMatchObject({ key: expect.any(String), status: 'open', baseOn: '2026-05-08', dueOn: '2031-05-08', extendedBy: 0, closedOn: null });
      const [row] = await ds.query(`SELECT id, due_on FROM deadlines WHERE case_id = $1 AND kind = 'AWARENESS_CERTIFICATE_EXPIRY'`, [c.id]);
      expect(row).toEqual({ id: expiry!.id, due_on: '2031-05-08' });

      const events = await h.cases.events(c.id);
      expect(events.map((e) => [e.seq, e.type, e.fromState, e.toState])).toEqual([
        [1, 'CASE_OPENED', null, 'sympathiser'],
        [2, 'AWARENESS_CERTIFICATE_RECORDED', 'sympathiser', 'awarenessCertified'],
      ]);
      expect(events[1]).toMatchObject({
        payload: { certificateNo: 'CN-7', issuedOn: '2026-05-08', issuer: 'Trung tâm chính trị phường' },
        occurredOn: '2026-05-11',
        recordedAt: '2026-06-01T03:00:00.000Z',
        prevHash: events[0].hash,
      });
      expect(await h.cases.verifyChain(c.id)).toEqual(intact(2));
    });

    it('updates a deadline row in place when the aggregate changes it', async () => {
      const c = await inDossier();
      const before = c.deadlines.find((d) => d.kind === 'AWARENESS_CERTIFICATE_EXPIRY')!;
      const cancelled = await h.cases.dispatch(c.id, { type: 'WITHDRAWN', occurredOn: '2026-05-20', reason: 'moved abroad' }, STAFF);
      expect(cancelled.state).toBe('withdrawn');
      const after = cancelled.deadlines.find((d) => d.key === before.key)!;
      expect(after.id).toBe(before.id);
      expect(after.status).not.toBe('open');
      expect(await ds.query(`SELECT count(*)::int AS n FROM deadlines WHERE case_id = $1 AND status = 'open'`, [c.id])).toEqual([{ n: 0 }]);
    });

    it('answers, step after step, the case as a read gives it afterwards (the view is built from what the step wrote)', async () => {
      const c = await open();
      const steps: DomainEvent[] = [
        CERTIFICATE,
        DOSSIER_OPENED,
        APPLICATION_FILED,
        { type: 'VERIFICATION_REQUESTED', occurredOn: '2026-05-14', requestId: 'TT-1', scope: 'domestic', subject: 'Cha' },
        { type: 'WITHDRAWN', occurredOn: '2026-05-20', reason: 'moved abroad' },
      ];
      let version = c.version;
      for (const event of steps) {
        const answered = await h.cases.dispatch(c.id, event, STAFF);
        version += 1;
        expect(answered.version).toBe(version);
        expect(answered).toEqual(await h.cases.get(c.id));
      }
      expect(await h.cases.verifyChain(c.id)).toEqual(intact(steps.length + 1));
    });

    it("keeps every table's own effects of a step: the audit mark, the delivery outbox row, the deadline generation", async () => {
      const c = await open();
      await ds.query(`UPDATE audit_case_state SET dirty = false WHERE case_id = $1`, [c.id]);
      const certified = await h.cases.dispatch(c.id, CERTIFICATE, STAFF);
      expect(await ds.query(`SELECT dirty FROM audit_case_state WHERE case_id = $1`, [c.id])).toEqual([{ dirty: true }]);
      const expiry = certified.deadlines.find((d) => d.kind === 'AWARENESS_CERTIFICATE_EXPIRY')!;
      const outbox = (id: string) => ds.query(`SELECT topic, generation FROM outbox WHERE deadline_id = $1 ORDER BY id`, [id]);
      expect(await outbox(expiry.id)).toEqual([{ topic: 'deadline.changed', generation: 1 }]);
      // A step that leaves the limit alone writes no outbox row; one that closes it bumps its generation and writes one.
      await h.cases.dispatch(c.id, DOSSIER_OPENED, STAFF);
      const afterDossier = await outbox(expiry.id);
      await h.cases.dispatch(c.id, { type: 'WITHDRAWN', occurredOn: '2026-05-20', reason: 'moved abroad' }, STAFF);
      const afterWithdrawal = await outbox(expiry.id);
      expect(afterWithdrawal.length).toBe(afterDossier.length + 1);
      expect(afterWithdrawal[afterWithdrawal.length - 1]).toEqual({ topic: 'deadline.changed', generation: 2 });
    });

    it('storeStep (in a transaction or on its own) writes nothing and answers null when the case is not at the expected version, and stores all at it', async () => {
      // What a real step wrote on another case: a deadline record and a history row to store on this one.
      const other = await open();
      await h.cases.dispatch(other.id, CERTIFICATE, STAFF);
      const [{ snapshot }]: { snapshot: { deadlines: DeadlineRecord[] } }[] = await ds.query(`SELECT snapshot FROM cases WHERE id = $1`, [other.id]);
      const [, certified] = await h.cases.events(other.id);
      const c = await open();
      const step = (expectedVersion: number) => ({
        update: {
          id: c.id,
          expectedVersion,
          state: 'awarenessCertified',
          snapshot,
          machineVersion: 1,
          procedureVersion: c.procedureVersion,
          lastSeq: 2,
          lastHash: certified.hash,
          updatedAt: new Date('2026-06-01T03:00:00.000Z'),
        },
        events: [{ ...certified, caseId: c.id, recordedAt: new Date(certified.recordedAt), actor: { ...certified.actor } }],
        deadlines: snapshot.deadlines,
        lockWaitMs: 5000,
      });
      const outboxRows = async () => (await ds.query(`SELECT count(*)::int AS n FROM outbox`))[0].n as number;
      const outboxBefore = await outboxRows();

      expect(await ds.transaction((m) => storeStep(inTransaction(m), step(c.version + 1)))).toBeNull();
      expect(await storeStep(onItsOwn(ds), step(c.version + 1))).toBeNull();
      expect(await h.cases.get(c.id)).toEqual(c);
      expect(await countRows(ds, 'case_events', c.id)).toBe(1);
      expect(await countRows(ds, 'deadlines', c.id)).toBe(0);
      expect(await outboxRows()).toBe(outboxBefore);

      const stored = await ds.transaction((m) => storeStep(inTransaction(m), step(c.version)));
      expect(stored).toEqual({ version: c.version + 1, deadlines: (await h.cases.get(c.id)).deadlines.map((d) => ({ ...d, caseId: c.id })) });
      expect(stored!.deadlines).toHaveLength(snapshot.deadlines.length);
      expect(await countRows(ds, 'case_events', c.id)).toBe(2);
      expect(await outboxRows()).toBe(outboxBefore + snapshot.deadlines.length);
    });

    it('writes nothing for a refused event', async () => {
      const c = await open();
      const notAllowed = await domainError(h.cases.dispatch(c.id, { type: 'SELF_REVIEW_SUBMITTED', occurredOn: '2026-05-20' }, STAFF));
      expect(notAllowed).toMatchObject({ code: 'EVENT_NOT_ALLOWED', details: { state: 'sympathiser', allowedEvents: expect.arrayContaining(['AWARENESS_CERTIFICATE_RECORDED']) } });
      const missing = await domainError(h.cases.dispatch(c.id, DOSSIER_OPENED, STAFF));
      expect(missing).toMatchObject({ code: 'RULE_VIOLATION', details: { rule: 'AWARENESS_CERTIFICATE_MISSING', source: expect.any(String), messageVi: expect.any(String) } });
      const future = await domainError(h.cases.dispatch(c.id, { ...CERTIFICATE, occurredOn: '2026-06-02' }, STAFF));
      expect(future).toMatchObject({ code: 'RULE_VIOLATION', details: { rule: 'DATE_IN_FUTURE', source: expect.any(String) } });
      expect(await h.cases.get(c.id)).toEqual(c);
      expect(await countRows(ds, 'case_events', c.id)).toBe(1);
      expect(await countRows(ds, 'deadlines', c.id)).toBe(0);
    });

    it('answers FORBIDDEN to staff sending an engine-only event, NOT_FOUND for an unknown case, VALIDATION_FAILED for a bad event', async () => {
      const c = await open();
      expect(await domainError(h.cases.dispatch(c.id, { type: 'PROBATION_ENDED', occurredOn: '2026-05-20' }, STAFF))).toMatchObject({ code: 'FORBIDDEN' });
      expect(await domainError(h.cases.dispatch('00000000-0000-4000-8000-000000000000', CERTIFICATE, STAFF))).toMatchObject({ code: 'NOT_FOUND' });
      expect(await domainError(h.cases.dispatch('not-a-uuid', CERTIFICATE, STAFF))).toMatchObject({ code: 'NOT_FOUND' });
      expect(await domainError(h.cases.dispatch(c.id, { ...CERTIFICATE, occurredOn: '11/05/2026' }, STAFF))).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { fields: [{ field: 'occurredOn' }] },
      });
      expect(await countRows(ds, 'case_events', c.id)).toBe(1);
    });

    it('answers VERSION_CONFLICT with the current version to a stale expectedVersion', async () => {
      const c = await open();
      await h.cases.dispatch(c.id, CERTIFICATE, STAFF);
      const stale = await domainError(h.cases.dispatch(c.id, DOSSIER_OPENED, STAFF, { expectedVersion: 1 }));
      expect(stale).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
      expect(await countRows(ds, 'case_events', c.id)).toBe(2);
    });

    it('lets exactly one of two concurrent dispatches with the same expectedVersion through', async () => {
      const c = await inDossier();
      const results = await Promise.allSettled([
        h.cases.dispatch(c.id, APPLICATION_FILED, STAFF, { expectedVersion: 3 }),
        h.cases.dispatch(c.id, BIOGRAPHY_FILED, STAFF, { expectedVersion: 3 }),
      ]);
      const fulfilled = results.filter((r) => r.status === 'fulfilled');
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(fulfilled).toHaveLength(1);
      expect(rejected).toHaveLength(1);
      expect(rejected[0].reason).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 4 } });
      const events = await h.cases.events(c.id);
      expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
      expect((await h.cases.get(c.id)).version).toBe(4);
      expect(await h.cases.verifyChain(c.id)).toEqual(intact(4));
    });

    it('retries concurrent dispatches without expectedVersion: all succeed with consecutive seqs', async () => {
      const c = await inDossier();
      const views = await Promise.all([
        h.cases.dispatch(c.id, APPLICATION_FILED, STAFF),
        h.cases.dispatch(c.id, BIOGRAPHY_FILED, STAFF),
        h.cases.dispatch(c.id, { type: 'VERIFICATION_REQUESTED', occurredOn: '2026-05-13', requestId: 'r-1', scope: 'domestic', subject: 'father' }, STAFF),
      ]);
      expect(views.map((v) => v.version).sort()).toEqual([4, 5, 6]);
      const events = await h.cases.events(c.id);
      expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(events.slice(3).map((e) => e.type).sort()).toEqual(['APPLICATION_FILED', 'BIOGRAPHY_FILED', 'VERIFICATION_REQUESTED']);
      expect((await h.cases.get(c.id)).version).toBe(6);
      expect(await h.cases.verifyChain(c.id)).toEqual(intact(6));
      expect(await ds.query(`SELECT count(*)::int AS n FROM deadlines WHERE case_id = $1 AND kind = 'VERIFICATION_REPLY'`, [c.id])).toEqual([{ n: 1 }]);
    });

    it('replays an idempotent request and writes nothing; the same key with another body is IDEMPOTENCY_KEY_REUSED', async () => {
      const c = await open();
      const first = await h.cases.dispatch(c.id, CERTIFICATE, STAFF, { idempotencyKey: 'k-1' });
      const events = await countRows(ds, 'case_events', c.id);
      h.clock.advance(60_000);
      const again = await h.cases.dispatch(c.id, CERTIFICATE, STAFF, { idempotencyKey: 'k-1', expectedVersion: 1 });
      expect(again).toEqual(first);
      expect(await countRows(ds, 'case_events', c.id)).toBe(events);
      expect((await h.cases.get(c.id)).version).toBe(2);

      const reused = await domainError(h.cases.dispatch(c.id, { ...CERTIFICATE, certificateNo: 'CN-8' } as DomainEvent, STAFF, { idempotencyKey: 'k-1' }));
      expect(reused.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await countRows(ds, 'case_events', c.id)).toBe(events);
    });

    it('replays concurrent requests carrying the same idempotency key: one write, one answer', async () => {
      const c = await open();
      const [a, b] = await Promise.all([
        h.cases.dispatch(c.id, CERTIFICATE, STAFF, { idempotencyKey: 'k-2' }),
        h.cases.dispatch(c.id, CERTIFICATE, STAFF, { idempotencyKey: 'k-2' }),
      ]);
      expect(a).toEqual(b);
      expect(await countRows(ds, 'case_events', c.id)).toBe(2);
    });

    it('applyDueTimedEvents writes nothing when nothing is due', async () => {
      const c = await open();
      expect(await h.cases.applyDueTimedEvents(c.id)).toEqual(c);
      expect(await countRows(ds, 'case_events', c.id)).toBe(1);
      expect(SYSTEM_ACTOR.kind).toBe('system');
    });
  });

  describe('history', () => {
    it('refuses UPDATE, DELETE and TRUNCATE of case_events', async () => {
      const c = await open();
      await expect(ds.query(`UPDATE case_events SET type = 'X' WHERE case_id = $1`, [c.id])).rejects.toThrow(/append-only/);
      await expect(ds.query(`DELETE FROM case_events WHERE case_id = $1`, [c.id])).rejects.toThrow(/append-only/);
      await expect(ds.query(`TRUNCATE case_events CASCADE`)).rejects.toThrow(/append-only/);
      expect(await countRows(ds, 'case_events', c.id)).toBe(1);
    });

    it('detects a payload changed behind the trigger', async () => {
      const c = await inDossier();
      await ds.transaction(async (m) => {
        await m.query(`SET LOCAL session_replication_role = replica`);
        await m.query(`UPDATE case_events SET payload = jsonb_set(payload, '{certificateNo}', '"FORGED"') WHERE case_id = $1 AND seq = 2`, [c.id]);
      });
      expect(await h.cases.verifyChain(c.id)).toMatchObject({ valid: false, brokenAtSeq: 2, problem: 'EVENT_ALTERED', events: 3, expectedEvents: 3 });
    });

    it('detects events deleted from the end behind the trigger: the rest still chains, but the case row counts more', async () => {
      const c = await inDossier();
      await ds.transaction(async (m) => {
        await m.query(`SET LOCAL session_replication_role = replica`);
        await m.query(`DELETE FROM case_events WHERE case_id = $1 AND seq = 3`, [c.id]);
      });
      expect(await h.cases.verifyChain(c.id)).toEqual({ ...intact(2), valid: false, brokenAtSeq: 3, problem: 'LENGTH_MISMATCH', expectedEvents: 3 });
    });

    it('detects a forged case row: a state the history never reached, or another last hash', async () => {
      const c = await inDossier();
      await ds.query(`UPDATE cases SET state = 'fullMember' WHERE id = $1`, [c.id]);
      expect(await h.cases.verifyChain(c.id)).toMatchObject({ valid: false, brokenAtSeq: 3, problem: 'STATE_MISMATCH' });
      await ds.query(`UPDATE cases SET state = 'dossier', last_hash = $2 WHERE id = $1`, [c.id, '0'.repeat(64)]);
      expect(await h.cases.verifyChain(c.id)).toMatchObject({ valid: false, brokenAtSeq: 3, problem: 'HEAD_MISMATCH' });
    });

    it('events() of an unknown case is NOT_FOUND', async () => {
      expect(await domainError(h.cases.events('00000000-0000-4000-8000-000000000000'))).toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe('list', () => {
    it('filters by state, organisation subtree, candidate name and due date, and pages with a cursor', async () => {
      const other = await h.organisations.create({ name: 'Chi bộ Thôn Đông', kind: 'cell', parentId: h.tree.commune.id });
      const elsewhere = await h.organisations.create({ name: 'Tỉnh ủy Lạng Sơn', kind: 'province' });
      const elsewhereCommune = await h.organisations.create({ name: 'Đảng ủy xã Tân Thành', kind: 'commune', parentId: elsewhere.id });
      const elsewhereCell = await h.organisations.create({ name: 'Chi bộ Bản Nà', kind: 'cell', parentId: elsewhereCommune.id });
      const created: CaseView[] = [];
      for (const [i, org] of [h.tree.cell, other, elsewhereCell, h.tree.cell, h.tree.cell].entries()) {
        h.clock.advance(1000);
        const fullName = i === 1 ? 'Trần Văn Đức' : `Nguyễn Thị Lan ${i}`;
        created.push(await h.cases.create({ organisationId: org.id, occurredOn: OPENED_ON, candidate: { ...CANDIDATE, fullName } }, STAFF));
      }
      await h.cases.dispatch(created[3].id, CERTIFICATE, STAFF);

      const ids = (page: { items: { id: string }[] }) => page.items.map((c) => c.id);
      expect(ids(await h.cases.list())).toEqual(created.map((c) => c.id));
      expect(ids(await h.cases.list({ state: 'awarenessCertified' }))).toEqual([created[3].id]);
      expect(ids(await h.cases.list({ organisationId: h.tree.province.id }))).toEqual([0, 1, 3, 4].map((i) => created[i].id));
      expect(ids(await h.cases.list({ organisationId: h.tree.grassroots.id }))).toEqual([0, 3, 4].map((i) => created[i].id));
      expect(ids(await h.cases.list({ organisationId: elsewhere.id }))).toEqual([created[2].id]);
      expect(ids(await h.cases.list({ q: 'DUC' }))).toEqual([created[1].id]);
      expect(ids(await h.cases.list({ q: 'thị lan' }))).toEqual([0, 2, 3, 4].map((i) => created[i].id));
      expect(ids(await h.cases.list({ q: '%' }))).toEqual([]);
      expect(ids(await h.cases.list({ dueBefore: '2031-12-31' }))).toEqual([created[3].id]);
      expect(ids(await h.cases.list({ dueBefore: '2031-01-01' }))).toEqual([]);

      const first = await h.cases.list({ limit: 2 });
      expect(ids(first)).toEqual([created[0].id, created[1].id]);
      const second = await h.cases.list({ limit: 2, cursor: first.nextCursor! });
      expect(ids(second)).toEqual([created[2].id, created[3].id]);
      const third = await h.cases.list({ limit: 2, cursor: second.nextCursor! });
      expect(ids(third)).toEqual([created[4].id]);
      expect(third.nextCursor).toBeNull();
      expect(third.items[0].deadlines).toEqual([]);
      expect(second.items[1].deadlines.map((d) => d.kind)).toEqual(['AWARENESS_CERTIFICATE_EXPIRY']);

      expect(await domainError(h.cases.list({ cursor: 'garbage' }))).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'cursor' }] } });
      expect(await domainError(h.cases.list({ dueBefore: 'soon' }))).toMatchObject({ code: 'VALIDATION_FAILED' });
    });

    it('shows each case of a page as the case read alone: its description, its deadlines and their order', async () => {
      const dossier = await inDossier();
      const opened = await open();
      const page = await h.cases.list({ limit: 200 });
      const listed = (id: string) => page.items.find((c) => c.id === id);
      expect(listed(dossier.id)).toStrictEqual(await h.cases.get(dossier.id));
      expect(listed(opened.id)).toStrictEqual(await h.cases.get(opened.id));
      expect(listed(dossier.id)!.deadlines.map((d) => d.kind)).toEqual(['AWARENESS_CERTIFICATE_EXPIRY', 'DOSSIER_DOCUMENTS_EXPIRY']);
      expect(listed(dossier.id)!.stateDetail).toMatchObject({ dossier: { application: false, introducers: false } });
    });

    it('shows a listed case anew as soon as any of its rows changes, whoever writes it', async () => {
      const c = await inDossier();
      const other = await open();
      const listed = async (id: string) => (await h.cases.list({ limit: 200 })).items.find((x) => x.id === id)!;
      expect(await listed(c.id)).toStrictEqual(await h.cases.get(c.id));
      // A step: the case row and its deadlines change.
      await h.cases.dispatch(c.id, APPLICATION_FILED, STAFF);
      expect(await listed(c.id)).toMatchObject({ version: 4, stateDetail: { dossier: { application: true } } });
      // Delivery marks a limit missed: only the deadline row changes, the case's version does not.
      const [{ id: deadlineId }] = await ds.query(`SELECT id FROM deadlines WHERE case_id = $1 AND kind = 'DOSSIER_DOCUMENTS_EXPIRY'`, [c.id]);
      await ds.query(`UPDATE deadlines SET status = 'missed', updated_at = now() WHERE id = $1`, [deadlineId]);
      const afterMissed = await listed(c.id);
      expect(afterMissed.version).toBe(4);
      expect(afterMissed.deadlines.find((d) => d.id === deadlineId)).toMatchObject({ status: 'missed' });
      expect(afterMissed).toStrictEqual(await h.cases.get(c.id));
      // A repair in SQL that leaves the version as it was.
      await ds.query(`UPDATE cases SET procedure_version = 'repaired' WHERE id = $1`, [c.id]);
      expect(await listed(c.id)).toMatchObject({ version: 4, procedureVersion: 'repaired' });
      // A deadline removed behind the engine's back.
      await ds.query(`DELETE FROM deadlines WHERE id = $1`, [deadlineId]);
      expect((await listed(c.id)).deadlines.map((d) => d.id)).not.toContain(deadlineId);
      // The case nobody touched is shown as before.
      expect(await listed(other.id)).toStrictEqual(await h.cases.get(other.id));
    });

    it('reads whole only the cases of a page that changed since they were last listed', async () => {
      const a = await inDossier();
      const b = await open();
      const readWhole = jest.spyOn(CasesRepository.prototype, 'listed');
      try {
        const first = await h.cases.list({ limit: 200 });
        expect(readWhole.mock.calls.map(([ids]) => [...ids].sort())).toEqual([[a.id, b.id].sort()]);
        readWhole.mockClear();
        expect(await h.cases.list({ limit: 200 })).toStrictEqual(first);
        expect(readWhole.mock.calls).toEqual([[[]]]);
        readWhole.mockClear();
        await h.cases.dispatch(b.id, CERTIFICATE, STAFF);
        const third = await h.cases.list({ limit: 200 });
        expect(readWhole.mock.calls).toEqual([[[b.id]]]);
        expect(third.items.map((c) => c.id)).toEqual(first.items.map((c) => c.id));
        expect(third.items.find((c) => c.id === b.id)).toMatchObject({ state: 'awarenessCertified', version: 2 });
      } finally {
        readWhole.mockRestore();
      }
    });

    it('shares a listed case between readers only as a frozen view', async () => {
      const c = await inDossier();
      const first = (await h.cases.list({ limit: 200 })).items.find((x) => x.id === c.id)!;
      const second = (await h.cases.list({ limit: 200 })).items.find((x) => x.id === c.id)!;
      expect(second).toStrictEqual(first);
      expect(() => {
        (second.deadlines[0] as { status: string }).status = 'met';
      }).toThrow(TypeError);
      expect(() => {
        (second.candidate as { fullName: string }).fullName = 'Someone else';
      }).toThrow(TypeError);
      expect((await h.cases.get(c.id)).candidate.fullName).toBe(CANDIDATE.fullName);
    });
  });
}
