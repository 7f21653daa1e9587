import { DataSource } from 'typeorm';
import { ApplyTimedEvents } from '@charterflow/cases';
import { firingKey, FiringService, PendingFiringsService } from '@charterflow/delivery';
import { createOrganisationTree, startTestApp } from '../support/app';
import { createPgliteDataSource, createTempDataDir, PGLITE_TIMEOUT_MS } from '../support/database';
import { caseInCellReview, caseInProbation, postEvent, record, recordOn } from '../api/helpers';
import {
  byPhase,
  caseAwaitingDecision,
  deadlineIdsOf,
  deadlineOf,
  DeliveryTestApp,
  fireAt,
  getCase,
  notificationsOf,
  outboxOf,
  startDeliveryApp,
} from './support';

/** Firing deadlines (ADR 0007 §4) through the running application, against the real test PostgreSQL. */
describe('deadline firing', () => {
  let t: DeliveryTestApp;

  beforeAll(async () => {
    t = await startDeliveryApp();
  });
  afterAll(() => t?.close());

  describe('a reminder of the admission decision (cell vote 15/01/2026 → due 26/03/2026)', () => {
    it('is early before its instant, fires at 08:00 local ten working days before with one Vietnamese notification per recipient, then is a duplicate', async () => {
      const { tree, c } = await caseAwaitingDecision(t);
      const d = await deadlineOf(t.db, c.id, 'ADMISSION_DECISION');
      expect(d).toMatchObject({ status: 'open', dueOn: '2026-03-26', generation: 1 });
      expect(byPhase(await t.pending.forDeadlines([d.id]))).toEqual({
        'remind-10wd': '2026-03-12T01:00:00.000Z',
        'remind-3wd': '2026-03-23T01:00:00.000Z',
        'remind-1wd': '2026-03-25T01:00:00.000Z',
        escalate: '2026-03-26T17:00:00.000Z',
      });
      const ref = { deadlineId: d.id, generation: 1, phase: 'remind-10wd' as const };

      expect(await fireAt(t, '2026-03-12T00:59:59.999Z', ref)).toEqual({ outcome: 'early', notifications: 0 });
      expect(await notificationsOf(t.db, d.id)).toHaveLength(0);

      expect(await fireAt(t, '2026-03-12T01:00:00.000Z', ref)).toEqual({ outcome: 'fired', notifications: 2, latenessMs: 0 });
      const written = await notificationsOf(t.db, d.id);
      expect(written.map((n) => [n.organisation_id, n.role, n.kind, n.phase, n.due_on]).sort()).toEqual(
        [
          [tree.communeId, 'superior_officer', 'reminder', 'remind-10wd', '2026-03-26'],
          [tree.grassrootsId, 'grassroots_officer', 'reminder', 'remind-10wd', '2026-03-26'],
        ].sort(),
      );
      for (const n of written) {
        expect(n.title_vi).toBe('Nhắc hạn: Hạn ra quyết định kết nạp – Nguyễn Thị Lan (đến hạn 26/03/2026)');
        expect(n.body_vi).toContain('(còn 10 ngày làm việc)');
        expect(n.body_vi).toContain('Căn cứ: mục 4.3.1 Quy định số 294-QĐ/TW ngày 26/05/2025');
        // The notification links to its case; its text never shows the case's id.
        expect(n.body_vi).not.toContain(c.id);
        expect(n.title_en).toBe('Reminder: Admission decision – Nguyễn Thị Lan (due 26/03/2026)');
        expect(n.case_id).toBe(c.id);
        expect(n.dedupe_key).toBe(`${d.id}:1:remind-10wd:${n.organisation_id}:${n.role}`);
      }

      t.clock.set('2026-03-12T05:00:00.000Z');
      expect(await t.firing.fire(ref)).toEqual({ outcome: 'duplicate', notifications: 0 });
      expect(await notificationsOf(t.db, d.id)).toHaveLength(2);
      expect(byPhase(await t.pending.forDeadlines([d.id]))).not.toHaveProperty('remind-10wd');

      // Lateness is measured from the planned instant.
      expect(await fireAt(t, '2026-03-23T01:00:05.000Z', { ...ref, phase: 'remind-3wd' })).toEqual({ outcome: 'fired', notifications: 2, latenessMs: 5000 });
      const ledger = await t.db.query(`SELECT phase, lateness_ms::float8 AS lateness_ms, outcome FROM deadline_firings WHERE deadline_id = $1 ORDER BY fire_at`, [d.id]);
      expect(ledger).toEqual([
        { phase: 'remind-10wd', lateness_ms: 0, outcome: 'fired' },
        { phase: 'remind-3wd', lateness_ms: 5000, outcome: 'fired' },
      ]);
    });

    it('fired by two workers at once, writes once', async () => {
      const { c } = await caseAwaitingDecision(t);
      const d = await deadlineOf(t.db, c.id, 'ADMISSION_DECISION');
      t.clock.set('2026-03-25T02:00:00.000Z');
      const ref = { deadlineId: d.id, generation: d.generation, phase: 'remind-1wd' as const };
      const results = await Promise.all([t.firing.fire(ref), t.firing.fire(ref), t.firing.fire(ref)]);
      expect(results.map((r) => r.outcome).sort()).toEqual(['duplicate', 'duplicate', 'fired']);
      expect(await notificationsOf(t.db, d.id)).toHaveLength(2);
    });

    it('a reminder overtaken by a later firing already due (a backlog) is recorded and writes nothing', async () => {
      const { c } = await caseAwaitingDecision(t);
      const d = await deadlineOf(t.db, c.id, 'ADMISSION_DECISION');
      t.clock.set('2026-03-25T01:00:00.000Z'); // remind-1wd is due too
      expect(await t.firing.fire({ deadlineId: d.id, generation: 1, phase: 'remind-10wd' })).toEqual({ outcome: 'stale', notifications: 0 });
      expect(await t.firing.fire({ deadlineId: d.id, generation: 1, phase: 'remind-1wd' })).toMatchObject({ outcome: 'fired', notifications: 2 });
      expect((await notificationsOf(t.db, d.id)).map((n) => n.phase)).toEqual(['remind-1wd', 'remind-1wd']);
      expect(Object.keys(byPhase(await t.pending.forDeadlines([d.id])))).toEqual(['remind-3wd', 'escalate']);
    });

    it('an unknown deadline, a wrong generation and an unknown phase are stale', async () => {
      const { c } = await caseAwaitingDecision(t);
      const d = await deadlineOf(t.db, c.id, 'ADMISSION_DECISION');
      t.clock.set('2026-03-25T02:00:00.000Z');
      expect(await t.firing.fire({ deadlineId: '00000000-0000-4000-8000-000000000000', generation: 1, phase: 'remind-1wd' })).toEqual({ outcome: 'stale', notifications: 0 });
      expect(await t.firing.fire({ deadlineId: 'not-a-uuid', generation: 1, phase: 'remind-1wd' })).toEqual({ outcome: 'stale', notifications: 0 });
      expect(await t.firing.fire({ deadlineId: d.id, generation: 2, phase: 'remind-1wd' })).toEqual({ outcome: 'stale', notifications: 0 });
      expect(await t.firing.fire({ deadlineId: d.id, generation: 1, phase: 'remind-2m' })).toEqual({ outcome: 'stale', notifications: 0 });
      expect(await notificationsOf(t.db, d.id)).toHaveLength(0);
    });
  });

  describe('escalation when the limit passes', () => {
    it('at 00:00 local after the due date marks the deadline missed, alerts the superior organisation, and the late decision keeps it missed with the lateness', async () => {
      const { tree, c } = await caseAwaitingDecision(t);
      const d = await deadlineOf(t.db, c.id, 'ADMISSION_DECISION');
      const ref = { deadlineId: d.id, generation: 1, phase: 'escalate' as const };

      expect(await fireAt(t, '2026-03-26T16:59:59.999Z', ref)).toEqual({ outcome: 'early', notifications: 0 });
      expect((await deadlineOf(t.db, c.id, 'ADMISSION_DECISION')).status).toBe('open');

      expect(await fireAt(t, '2026-03-26T17:00:00.000Z', ref)).toEqual({ outcome: 'fired', notifications: 3, latenessMs: 0 });
      const after = await deadlineOf(t.db, c.id, 'ADMISSION_DECISION');
      expect(after).toMatchObject({ status: 'missed', generation: 2, lateWorkingDays: null, closedOn: null });
      const shown = (await getCase(t, c.id)).deadlines.find((x) => x.kind === 'ADMISSION_DECISION');
      expect(shown).toMatchObject({ status: 'missed', dueOn: '2026-03-26', lateWorkingDays: null });
      // The superior of each alerted committee (province above the commune, commune above the grassroots committee), and the alerted ones.
      const written = await notificationsOf(t.db, d.id);
      expect(written.map((n) => `${n.organisation_id}:${n.role}:${n.kind}`).sort()).toEqual(
        [`${tree.provinceId}:superior_officer:escalation`, `${tree.communeId}:superior_officer:escalation`, `${tree.grassrootsId}:grassroots_officer:escalation`].sort(),
      );
      expect(written[0].title_vi).toBe('Quá hạn: Hạn ra quyết định kết nạp – Nguyễn Thị Lan (hạn 26/03/2026)');
      // The missed row plans nothing more; the escalation cannot fire twice.
      expect(await t.pending.forDeadlines([d.id])).toEqual([]);
      expect(await t.firing.fire(ref)).toEqual({ outcome: 'stale', notifications: 0 });
      // The escalation's own missed mark queues no outbox row: it was the generation's last firing, so no job of
      // generation 1 waits for a later instant (only the row of the deadline's opening is there).
      expect(await outboxOf(t.db, [d.id])).toEqual([{ deadline_id: d.id, generation: 1, topic: 'deadline.changed' }]);

      // An unrelated step (the grassroots vote, which leaves the limit open in the engine) keeps it missed, same generation,
      // no outbox row, and does not even rewrite the row.
      const updatedAt = async () => (await t.db.query(`SELECT updated_at FROM deadlines WHERE id = $1`, [d.id]))[0].updated_at.toISOString();
      const stamped = await updatedAt();
      const voted = await recordOn(t, c.id, 'GRASSROOTS_VOTE_RECORDED', '2026-03-30', { committeeMembers: 9, inFavour: 6 });
      expect(voted.state).toBe('superiorReview');
      expect(await deadlineOf(t.db, c.id, 'ADMISSION_DECISION')).toMatchObject({ status: 'missed', generation: 2 });
      expect(await updatedAt()).toBe(stamped);
      expect(await outboxOf(t.db, [d.id])).toHaveLength(1);

      // The decision recorded late: the engine closes the limit missed with its lateness (27, 30, 31 March, 1, 2 April).
      t.setToday('2026-04-03');
      await record(t.http, c.id, 'ADMISSION_DECIDED', '2026-04-02', { decisionNo: 'QĐ-9', standingMembers: 7, inFavour: 4, receivedOn: '2026-04-03' });
      expect(await deadlineOf(t.db, c.id, 'ADMISSION_DECISION')).toMatchObject({ status: 'missed', generation: 2, lateWorkingDays: 5, closedOn: '2026-04-02' });
      expect((await getCase(t, c.id)).deadlines.find((x) => x.kind === 'ADMISSION_DECISION')).toMatchObject({ status: 'missed', lateWorkingDays: 5 });
    });

    // Since ADR 0013: an extension dated after the limit is refused (EXTENSION_AFTER_LIMIT, api.md v1.1: a
    // missed limit cannot be repaired after the fact); this test used to reopen the escalated deadline with it.
    it('after the escalation an extension is refused and the deadline stays missed in the same generation', async () => {
      const { c } = await caseAwaitingDecision(t);
      const d = await deadlineOf(t.db, c.id, 'ADMISSION_DECISION');
      await fireAt(t, '2026-03-27T02:00:00.000Z', { deadlineId: d.id, generation: 1, phase: 'escalate' });
      expect(await deadlineOf(t.db, c.id, 'ADMISSION_DECISION')).toMatchObject({ status: 'missed', generation: 2 });

      // A step that rewrites the row for another column (here a reference drifted by hand) still keeps it missed.
      await t.db.query(`UPDATE deadlines SET reference = 'drift' WHERE id = $1`, [d.id]);
      await record(t.http, c.id, 'GRASSROOTS_VOTE_RECORDED', '2026-03-27', { committeeMembers: 9, inFavour: 6 });
      expect(await t.db.query(`SELECT status, generation, reference FROM deadlines WHERE id = $1`, [d.id])).toEqual([{ status: 'missed', generation: 2, reference: null }]);

      const refused = await postEvent(t.http, c.id, 'DEADLINE_EXTENDED', '2026-03-27', { deadlineKind: 'ADMISSION_DECISION', reason: 'Trường hợp đặc biệt' });
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({ code: 'RULE_VIOLATION', rule: 'EXTENSION_AFTER_LIMIT' });
      expect(await deadlineOf(t.db, c.id, 'ADMISSION_DECISION')).toMatchObject({ status: 'missed', dueOn: '2026-03-26', generation: 2 });
    });
  });

  describe('a stale generation', () => {
    it('after DEADLINE_EXTENDED the old generation fires nothing and the pending firings are those of the new one', async () => {
      const { c } = await caseAwaitingDecision(t);
      const d = await deadlineOf(t.db, c.id, 'ADMISSION_DECISION');
      await recordOn(t, c.id, 'DEADLINE_EXTENDED', '2026-03-02', { deadlineKind: 'ADMISSION_DECISION', reason: 'Trường hợp đặc biệt' });
      expect(await deadlineOf(t.db, c.id, 'ADMISSION_DECISION')).toMatchObject({ status: 'open', dueOn: '2026-04-16', generation: 2 });

      expect(await fireAt(t, '2026-03-12T01:00:00.000Z', { deadlineId: d.id, generation: 1, phase: 'remind-10wd' })).toEqual({ outcome: 'stale', notifications: 0 });
      expect(await notificationsOf(t.db, d.id)).toHaveLength(0);

      const pending = await t.pending.forDeadlines([d.id]);
      expect(pending.map((f) => f.generation)).toEqual([2, 2, 2, 2]);
      expect(byPhase(pending)['remind-10wd']).toBe('2026-04-02T01:00:00.000Z');
      const listed = (await t.pending.list({ dueBefore: new Date('2026-04-20T00:00:00.000Z'), limit: 100_000 })).filter((f) => f.deadlineId === d.id);
      expect(listed.map(firingKey)).toEqual(pending.map(firingKey));
      // Bounded by the instant: only what is due by then.
      const early = (await t.pending.list({ dueBefore: new Date('2026-04-13T01:00:00.000Z'), limit: 100_000 })).filter((f) => f.deadlineId === d.id);
      expect(early.map((f) => f.phase)).toEqual(['remind-10wd', 'remind-3wd']);
      // By phase group (what one queue's wake-up reads): the reminders, or the escalation only once it is due.
      const groupOf = async (group: 'remind' | 'escalate', by: string) =>
        (await t.pending.list({ dueBefore: new Date(by), limit: 100_000, group })).filter((f) => f.deadlineId === d.id).map((f) => f.phase);
      expect(await groupOf('remind', '2026-04-20T00:00:00.000Z')).toEqual(['remind-10wd', 'remind-3wd', 'remind-1wd']);
      expect(await groupOf('escalate', '2026-04-16T16:59:59.999Z')).toEqual([]);
      expect(await groupOf('escalate', '2026-04-16T17:00:00.000Z')).toEqual(['escalate']);

      expect(await fireAt(t, '2026-04-02T01:00:00.000Z', { deadlineId: d.id, generation: 2, phase: 'remind-10wd' })).toMatchObject({ outcome: 'fired', notifications: 2 });
    });
  });

  describe('the end of probation (PROBATION_END due)', () => {
    it('moves a case whose probation ended (ceremony a year ago) to recognitionReview exactly once, with one notification to the cell secretary', async () => {
      const tree = await createOrganisationTree(t.http);
      const c = await caseInProbation(t, tree.cellId); // ceremony 02/03/2026 → ends 02/03/2027
      const d = await deadlineOf(t.db, c.id, 'PROBATION_END');
      expect(byPhase(await t.pending.forDeadlines([d.id]))).toEqual({
        'remind-3m': '2026-12-02T01:00:00.000Z',
        'remind-1m': '2027-02-02T01:00:00.000Z',
        due: '2027-03-02T01:00:00.000Z',
      });
      const ref = { deadlineId: d.id, generation: d.generation, phase: 'due' as const };
      expect(await fireAt(t, '2027-03-02T00:59:59.999Z', ref)).toEqual({ outcome: 'early', notifications: 0 });
      expect((await getCase(t, c.id)).state).toBe('probation');

      expect(await fireAt(t, '2027-03-09T03:00:00.000Z', ref)).toMatchObject({ outcome: 'fired', notifications: 1 });
      const after = await getCase(t, c.id);
      expect(after.state).toBe('recognitionReview');
      expect(after.version).toBe(c.version + 1);
      expect(await deadlineOf(t.db, c.id, 'PROBATION_END')).toMatchObject({ status: 'met', closedOn: '2027-03-02', generation: d.generation + 1 });
      const written = await notificationsOf(t.db, d.id);
      expect(written.map((n) => [n.organisation_id, n.role, n.kind])).toEqual([[tree.cellId, 'cell_secretary', 'probation_ended']]);
      expect(written[0].title_vi).toBe('Hết thời gian dự bị – Nguyễn Thị Lan (02/03/2027)');

      expect(await t.firing.fire(ref)).toEqual({ outcome: 'stale', notifications: 0 });
      const events = (await t.http.get(`/api/v1/cases/${c.id}/events`).expect(200)).body as { type: string; occurredOn: string; actor: { kind: string } }[];
      expect(events.filter((e) => e.type === 'PROBATION_ENDED')).toEqual([expect.objectContaining({ occurredOn: '2027-03-02', actor: expect.objectContaining({ kind: 'system' }) })]);
      expect((await getCase(t, c.id)).version).toBe(after.version);
      // The earlier reminders were overtaken: the deadline is closed, nothing is pending.
      expect(await t.pending.forDeadlines([d.id])).toEqual([]);
    });

    it('records the firing, its notification and PROBATION_ENDED in one transaction: a failure before the commit leaves none of them', async () => {
      const tree = await createOrganisationTree(t.http);
      const c = await caseInProbation(t, tree.cellId);
      const d = await deadlineOf(t.db, c.id, 'PROBATION_END');
      const ref = { deadlineId: d.id, generation: d.generation, phase: 'due' as const };
      const timedEvents = t.app.get(ApplyTimedEvents);
      // The process dies right after PROBATION_ENDED was written, before the firing's transaction commits.
      const crash = jest.spyOn(timedEvents, 'execute').mockImplementationOnce(async (caseId, m) => {
        const moved = await ApplyTimedEvents.prototype.execute.call(timedEvents, caseId, m);
        expect(moved.state).toBe('recognitionReview'); // written inside the transaction…
        throw new Error('crash before commit');
      });
      try {
        await expect(fireAt(t, '2027-03-02T02:00:00.000Z', ref)).rejects.toThrow('crash before commit');
      } finally {
        crash.mockRestore();
      }
      // …and rolled back with the ledger row and the notification: neither half survives.
      expect(await t.db.query(`SELECT 1 FROM deadline_firings WHERE deadline_id = $1`, [d.id])).toEqual([]);
      expect(await notificationsOf(t.db, d.id)).toEqual([]);
      expect(await getCase(t, c.id)).toMatchObject({ state: 'probation', version: c.version });
      expect(await deadlineOf(t.db, c.id, 'PROBATION_END')).toMatchObject({ status: 'open', generation: d.generation });
      const before = (await t.http.get(`/api/v1/cases/${c.id}/events`).expect(200)).body as { type: string }[];
      expect(before.filter((e) => e.type === 'PROBATION_ENDED')).toEqual([]);
      // Nothing half-done to repair: the firing is simply still pending, and the retry does the whole of it once.
      expect((await t.pending.forDeadlines([d.id])).map((f) => f.phase)).toContain('due');
      expect(await t.firing.fire(ref)).toMatchObject({ outcome: 'fired', notifications: 1 });
      expect(await getCase(t, c.id)).toMatchObject({ state: 'recognitionReview', version: c.version + 1 });
      expect(await notificationsOf(t.db, d.id)).toHaveLength(1);
      const events = (await t.http.get(`/api/v1/cases/${c.id}/events`).expect(200)).body as { type: string }[];
      expect(events.filter((e) => e.type === 'PROBATION_ENDED')).toHaveLength(1);
      expect(await t.pending.forDeadlines([d.id])).toEqual([]);
    });

    it('a refused PROBATION_ENDED rolls the firing back too: no ledger row, no notification', async () => {
      const tree = await createOrganisationTree(t.http);
      const c = await caseInProbation(t, tree.cellId);
      const d = await deadlineOf(t.db, c.id, 'PROBATION_END');
      const ref = { deadlineId: d.id, generation: d.generation, phase: 'due' as const };
      const refusal = jest.spyOn(t.app.get(ApplyTimedEvents), 'execute').mockRejectedValueOnce(new Error('refused'));
      try {
        await expect(fireAt(t, '2027-03-02T02:00:00.000Z', ref)).rejects.toThrow('refused');
      } finally {
        refusal.mockRestore();
      }
      expect(await t.db.query(`SELECT 1 FROM deadline_firings WHERE deadline_id = $1`, [d.id])).toEqual([]);
      expect(await notificationsOf(t.db, d.id)).toEqual([]);
      expect((await getCase(t, c.id)).state).toBe('probation');
    });

    it('takes the case row lock before the deadline row (the order of dispatch): while a step holds the case, the firing waits without holding the deadline', async () => {
      const tree = await createOrganisationTree(t.http);
      const c = await caseInProbation(t, tree.cellId);
      const d = await deadlineOf(t.db, c.id, 'PROBATION_END');
      const holder = t.db.createQueryRunner();
      await holder.connect();
      await holder.startTransaction();
      try {
        await holder.query(`SELECT id FROM cases WHERE id = $1 FOR UPDATE`, [c.id]);
        const firing = fireAt(t, '2027-03-02T02:00:00.000Z', { deadlineId: d.id, generation: d.generation, phase: 'due' });
        await new Promise((r) => setTimeout(r, 300));
        // The firing is waiting for the case row and has not taken the deadline row: the holder (a step) can still take it.
        await holder.query(`SET LOCAL lock_timeout = 1000`);
        expect(await holder.query(`SELECT id FROM deadlines WHERE id = $1 FOR UPDATE`, [d.id])).toHaveLength(1);
        await holder.commitTransaction();
        expect(await firing).toMatchObject({ outcome: 'fired', notifications: 1 });
      } finally {
        if (holder.isTransactionActive) await holder.rollbackTransaction();
        await holder.release();
      }
      expect((await getCase(t, c.id)).state).toBe('recognitionReview');
    });
  });

  describe('the outbox', () => {
    it('a step writes one outbox row per deadline it changes, with the new generation; a refused step writes none', async () => {
      const tree = await createOrganisationTree(t.http);
      t.setToday('2026-01-14');
      const ready = await caseInCellReview(t.http, tree.cellId);
      const before = await deadlineIdsOf(t.db, ready.id);
      // Opened so far: AWARENESS_CERTIFICATE_EXPIRY and DOSSIER_DOCUMENTS_EXPIRY, one row each when inserted.
      expect((await outboxOf(t.db, before)).map((r) => r.generation)).toEqual([1, 1]);

      // Refused (a decision before any vote): nothing written, no outbox row.
      t.setToday('2026-01-15');
      const refused = await postEvent(t.http, ready.id, 'ADMISSION_DECIDED', '2026-01-15', { decisionNo: 'QĐ-0', standingMembers: 7, inFavour: 4, receivedOn: '2026-01-15' });
      expect(refused.status).toBe(422);
      expect(await outboxOf(t.db, await deadlineIdsOf(t.db, ready.id))).toHaveLength(2);

      // The vote closes both expiries (met) and opens ADMISSION_DECISION: three rows, each at the row's generation.
      await record(t.http, ready.id, 'CELL_VOTE_RECORDED', '2026-01-15', { fullMembers: 9, excluded: 0, inFavour: 6 });
      const ids = await deadlineIdsOf(t.db, ready.id);
      const rows = await outboxOf(t.db, ids);
      expect(rows).toHaveLength(5);
      const generations: Record<string, number> = Object.fromEntries(
        (await t.db.query(`SELECT id, generation FROM deadlines WHERE case_id = $1`, [ready.id])).map((r: { id: string; generation: number }) => [r.id, r.generation]),
      );
      expect(rows.slice(2).map((r) => [r.deadline_id, r.generation]).sort()).toEqual(ids.map((id) => [id, generations[id]]).sort());
      expect(Object.values(generations).sort()).toEqual([1, 2, 2]);
    });

    it('is written by the trigger in the changing transaction: a rolled-back change leaves none; a change of neither due date nor status writes none', async () => {
      const { c } = await caseAwaitingDecision(t);
      const d = await deadlineOf(t.db, c.id, 'ADMISSION_DECISION');
      const count = (await outboxOf(t.db, [d.id])).length;
      await t.db
        .transaction(async (m) => {
          await m.query(`UPDATE deadlines SET due_on = '2026-04-30' WHERE id = $1`, [d.id]);
          expect(await m.query(`SELECT generation FROM outbox WHERE deadline_id = $1 ORDER BY id`, [d.id])).toEqual([{ generation: 1 }, { generation: 2 }]);
          throw new Error('roll back');
        })
        .catch((e: Error) => expect(e.message).toBe('roll back'));
      expect(await outboxOf(t.db, [d.id])).toHaveLength(count);

      await t.db.query(`UPDATE deadlines SET reference = 'x', status = status, due_on = due_on WHERE id = $1`, [d.id]);
      expect(await outboxOf(t.db, [d.id])).toHaveLength(count);
      expect((await deadlineOf(t.db, c.id, 'ADMISSION_DECISION')).generation).toBe(1);
    });

    it("skips only the escalation's own missed mark: open to missed, same due date, the ledger holding that generation's escalation", async () => {
      const { c } = await caseAwaitingDecision(t);
      const d = await deadlineOf(t.db, c.id, 'ADMISSION_DECISION');
      const rowsOf = async () => (await outboxOf(t.db, [d.id])).map((r) => r.generation);
      const ledger = (generation: number, phase: string) =>
        t.db.query(
          `INSERT INTO deadline_firings (deadline_id, generation, phase, fire_at, fired_at, lateness_ms, outcome) VALUES ($1, $2, $3, now(), now(), 0, 'fired')`,
          [d.id, generation, phase],
        );
      const setStatus = (status: string, dueOn = '2026-03-26') => t.db.query(`UPDATE deadlines SET status = $2, due_on = $3 WHERE id = $1`, [d.id, status, dueOn]);
      expect(await rowsOf()).toEqual([1]);

      // A reminder of the generation in the ledger is not its escalation: missed queues its row.
      await ledger(1, 'remind-10wd');
      await setStatus('missed');
      expect(await rowsOf()).toEqual([1, 2]);
      // Reopened (generation 3), with the escalation of an earlier generation in the ledger: still queued.
      await ledger(2, 'escalate');
      await setStatus('open');
      await setStatus('missed');
      expect(await rowsOf()).toEqual([1, 2, 3, 4]);
      // Reopened (5); the escalation of generation 5 recorded, and the due date moved in the same change: queued.
      await setStatus('open');
      await ledger(5, 'escalate');
      await setStatus('missed', '2026-03-27');
      expect(await rowsOf()).toEqual([1, 2, 3, 4, 5, 6]);
      // Reopened (7) with its escalation recorded: open to missed alone is that escalation's mark, and queues nothing.
      await setStatus('open', '2026-03-26');
      await ledger(7, 'escalate');
      await setStatus('missed');
      expect(await rowsOf()).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect((await deadlineOf(t.db, c.id, 'ADMISSION_DECISION')).generation).toBe(8);
      // Met after an escalation recorded (not missed): queued.
      await setStatus('open');
      await ledger(9, 'escalate');
      await setStatus('met');
      expect(await rowsOf()).toEqual([1, 2, 3, 4, 5, 6, 7, 9, 10]);
    });

    it('on embedded PGlite (the default deployment) a reminder fires once and the escalation marks the deadline missed', async () => {
      const tmp = createTempDataDir();
      const base = await startTestApp({ dataDir: tmp.dir });
      const e: DeliveryTestApp = { ...base, firing: base.app.get(FiringService), pending: base.app.get(PendingFiringsService), db: base.app.get(DataSource) };
      try {
        const { c } = await caseAwaitingDecision(e);
        const d = await deadlineOf(e.db, c.id, 'ADMISSION_DECISION');
        const ref = { deadlineId: d.id, generation: 1, phase: 'remind-10wd' as const };
        const results = await Promise.all([fireAt(e, '2026-03-12T01:00:00.000Z', ref), e.firing.fire(ref)]);
        expect(results.map((r) => r.outcome).sort()).toEqual(['duplicate', 'fired']);
        expect(await notificationsOf(e.db, d.id)).toHaveLength(2);
        expect(await fireAt(e, '2026-03-26T17:00:00.000Z', { ...ref, phase: 'escalate' })).toMatchObject({ outcome: 'fired', notifications: 3 });
        expect(await deadlineOf(e.db, c.id, 'ADMISSION_DECISION')).toMatchObject({ status: 'missed', generation: 2 });
        expect(await outboxOf(e.db, [d.id])).toHaveLength(1);
      } finally {
        await e.close();
        tmp.remove();
      }
    }, PGLITE_TIMEOUT_MS);

    it('the migration and its triggers also work on embedded PGlite', async () => {
      const tmp = createTempDataDir();
      const db = await createPgliteDataSource(tmp.dir);
      try {
        const [org] = await db.query(
          `INSERT INTO organisations (id, name, kind, path) SELECT id, 'Tỉnh', 'province', '/' || id || '/' FROM gen_random_uuid() AS id RETURNING id`,
        );
        const [kase] = await db.query(
          `INSERT INTO cases (organisation_id, state, snapshot, machine_version, procedure_version, version, candidate, search_text, last_seq, last_hash, created_at, updated_at)
           VALUES ($1, 'sympathiser', '{}', 1, 'v', 1, '{}', '', 0, '', now(), now()) RETURNING id`,
          [org.id],
        );
        const [dl] = await db.query(
          `INSERT INTO deadlines (case_id, key, kind, base_on, due_on, original_due_on, status, source, rule_set, opened_on)
           VALUES ($1, 'CEREMONY', 'CEREMONY', '2026-01-05', '2026-02-16', '2026-02-16', 'open', 's', 'r', '2026-01-05') RETURNING id, generation`,
          [kase.id],
        );
        expect(dl.generation).toBe(1);
        await db.query(`UPDATE deadlines SET status = 'missed' WHERE id = $1`, [dl.id]);
        await db.query(`UPDATE deadlines SET reference = 'r' WHERE id = $1`, [dl.id]);
        expect(await db.query(`SELECT generation FROM deadlines WHERE id = $1`, [dl.id])).toEqual([{ generation: 2 }]);
        expect(await db.query(`SELECT deadline_id, generation FROM outbox ORDER BY id`)).toEqual([
          { deadline_id: dl.id, generation: 1 },
          { deadline_id: dl.id, generation: 2 },
        ]);
      } finally {
        await db.destroy();
        tmp.remove();
      }
    }, PGLITE_TIMEOUT_MS);
  });
});
