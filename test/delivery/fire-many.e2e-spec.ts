import { ApplyTimedEvents } from '@charterflow/cases';
import { DeliveryMetrics, FiringRef, FiringResult, FiringRunner } from '@charterflow/delivery';
import { createOrganisationTree } from '../support/app';
import { caseInProbation, recordOn } from '../api/helpers';
import { caseAwaitingDecision, deadlineOf, DeliveryTestApp, fireAt, getCase, notificationsOf, startDeliveryApp } from './support';

/** The instant of the batches below: the end of the probations (02/03/2027 08:00 local) has passed by an hour. */
const INSTANT = '2027-03-02T02:00:00.000Z';

/**
 * Firing in batches (ADR 0026): one transaction fires many firings, each answered as if fired alone; a batch that
 * fails is fired again one by one; batches running at once over the same firings fire each exactly once.
 */
describe('deadline firings in batches', () => {
  let t: DeliveryTestApp;
  let runner: FiringRunner;

  beforeAll(async () => {
    t = await startDeliveryApp();
    // The API application runs no transport: the runner is built over the same handler, its metrics unused here.
    const metrics = { observe: () => undefined, observeError: () => undefined } as unknown as DeliveryMetrics;
    runner = new FiringRunner(t.firing, metrics);
  });
  afterAll(() => t?.close());

  async function escalationOf(): Promise<FiringRef> {
    const { c } = await caseAwaitingDecision(t);
    const d = await deadlineOf(t.db, c.id, 'ADMISSION_DECISION');
    return { deadlineId: d.id, generation: d.generation, phase: 'escalate' };
  }

  async function ledgerCount(ref: FiringRef): Promise<number> {
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM deadline_firings WHERE deadline_id = $1 AND generation = $2 AND phase = $3`, [
      ref.deadlineId,
      ref.generation,
      ref.phase,
    ]);
    return n;
  }

  async function statusOf(deadlineId: string): Promise<string> {
    const [{ status }] = await t.db.query(`SELECT status FROM deadlines WHERE id = $1`, [deadlineId]);
    return status;
  }

  it('answers each firing of a mixed batch as if it were fired alone: fired, duplicate, stale, early, and a PROBATION_END due that moves its case', async () => {
    const tree = await createOrganisationTree(t.http);
    const escalate = await escalationOf();
    // A reminder fired before: the batch finds it in the ledger.
    const { c: reminded } = await caseAwaitingDecision(t, tree);
    const remindedDeadline = await deadlineOf(t.db, reminded.id, 'ADMISSION_DECISION');
    const duplicate: FiringRef = { deadlineId: remindedDeadline.id, generation: 1, phase: 'remind-10wd' };
    // An extended deadline: its first generation is stale.
    const { c: extended } = await caseAwaitingDecision(t, tree);
    const extendedDeadline = await deadlineOf(t.db, extended.id, 'ADMISSION_DECISION');
    await recordOn(t, extended.id, 'DEADLINE_EXTENDED', '2026-03-02', { deadlineKind: 'ADMISSION_DECISION', reason: 'Trường hợp đặc biệt' });
    const stale: FiringRef = { deadlineId: extendedDeadline.id, generation: 1, phase: 'escalate' };
    // The probation that ends in the batch.
    const probation = await caseInProbation(t, tree.cellId);
    const probationDeadline = await deadlineOf(t.db, probation.id, 'PROBATION_END');
    const due: FiringRef = { deadlineId: probationDeadline.id, generation: probationDeadline.generation, phase: 'due' };
    // A probation that ended an hour earlier: the recognition review it opened has its firings ahead, so early.
    const recognised = await caseInProbation(t, tree.cellId);
    const recognisedDeadline = await deadlineOf(t.db, recognised.id, 'PROBATION_END');
    expect(await fireAt(t, '2027-03-02T01:00:00.000Z', { deadlineId: recognisedDeadline.id, generation: recognisedDeadline.generation, phase: 'due' })).toMatchObject({
      outcome: 'fired',
    });
    const review = await deadlineOf(t.db, recognised.id, 'RECOGNITION_CELL_REVIEW');
    const ahead = (await t.pending.forDeadlines([review.id])).sort((a, b) => b.fireAt.getTime() - a.fireAt.getTime())[0];
    expect(ahead.fireAt.getTime()).toBeGreaterThan(new Date(INSTANT).getTime());
    const early: FiringRef = { deadlineId: ahead.deadlineId, generation: ahead.generation, phase: ahead.phase };

    expect(await fireAt(t, '2026-03-12T01:00:00.000Z', duplicate)).toMatchObject({ outcome: 'fired', notifications: 2 });

    t.clock.set(INSTANT);
    const results = await t.firing.fireMany([escalate, duplicate, stale, early, due]);
    expect(results).toEqual([
      { outcome: 'fired', notifications: (await notificationsOf(t.db, escalate.deadlineId)).length, latenessMs: expect.any(Number) },
      { outcome: 'duplicate', notifications: 0 },
      { outcome: 'stale', notifications: 0 },
      { outcome: 'early', notifications: 0 },
      { outcome: 'fired', notifications: 1, latenessMs: 3_600_000 },
    ]);
    expect(results[0].notifications).toBeGreaterThan(0);
    // The escalation marked its deadline missed; the due firing moved its case and closed its deadline.
    expect(await statusOf(escalate.deadlineId)).toBe('missed');
    expect(await getCase(t, probation.id)).toMatchObject({ state: 'recognitionReview', version: probation.version + 1 });
    expect(await deadlineOf(t.db, probation.id, 'PROBATION_END')).toMatchObject({ status: 'met', generation: due.generation + 1 });
    // Nothing was written for the others: the reminder keeps its first two notifications, the stale and early none.
    expect(await notificationsOf(t.db, duplicate.deadlineId)).toHaveLength(2);
    expect(await notificationsOf(t.db, stale.deadlineId)).toHaveLength(0);
    expect(await ledgerCount(early)).toBe(0);
    expect(await ledgerCount(stale)).toBe(0);

    // The same batch again: what fired is now closed (stale), the rest answer as before.
    expect((await t.firing.fireMany([escalate, duplicate, stale, early, due])).map((r) => r.outcome)).toEqual(['stale', 'duplicate', 'stale', 'early', 'stale']);
    // A ref named twice in one batch fires once.
    const twice = await escalationOf();
    t.clock.set(INSTANT);
    expect((await t.firing.fireMany([twice, twice])).map((r) => r.outcome)).toEqual(['fired', 'duplicate']);
    expect(await ledgerCount(twice)).toBe(1);
  });

  it('fires the firings of a failed batch one by one: the one that fails alone fails, its neighbours fire once', async () => {
    const tree = await createOrganisationTree(t.http);
    const before = await escalationOf();
    const probation = await caseInProbation(t, tree.cellId);
    const probationDeadline = await deadlineOf(t.db, probation.id, 'PROBATION_END');
    const refused: FiringRef = { deadlineId: probationDeadline.id, generation: probationDeadline.generation, phase: 'due' };
    const after = await escalationOf();
    const timedEvents = t.app.get(ApplyTimedEvents);
    const execute = timedEvents.execute.bind(timedEvents);
    const refusal = jest.spyOn(timedEvents, 'execute').mockImplementation(async (caseId, m) => {
      if (caseId === probation.id) throw new Error('refused');
      return execute(caseId, m);
    });
    let settled: (FiringResult | Error)[];
    try {
      t.clock.set(INSTANT);
      settled = await runner.fireMany([before, refused, after]);
    } finally {
      refusal.mockRestore();
    }
    expect(settled[0]).toMatchObject({ outcome: 'fired' });
    expect(settled[1]).toEqual(new Error('refused'));
    expect(settled[2]).toMatchObject({ outcome: 'fired' });
    expect([await ledgerCount(before), await ledgerCount(refused), await ledgerCount(after)]).toEqual([1, 0, 1]);
    expect(await notificationsOf(t.db, before.deadlineId)).toHaveLength((settled[0] as FiringResult).notifications);
    expect(await notificationsOf(t.db, refused.deadlineId)).toHaveLength(0);
    expect((await getCase(t, probation.id)).state).toBe('probation');

    // Once the refusal is gone the firing goes through, once; its neighbours are not fired again.
    expect(await runner.fireMany([before, refused, after])).toEqual([
      { outcome: 'stale', notifications: 0 },
      { outcome: 'fired', notifications: 1, latenessMs: 3_600_000 },
      { outcome: 'stale', notifications: 0 },
    ]);
    expect([await ledgerCount(before), await ledgerCount(refused), await ledgerCount(after)]).toEqual([1, 1, 1]);
  });

  it('batches running at once over the same firings fire each exactly once, whatever their order', async () => {
    const refs: FiringRef[] = [];
    for (let i = 0; i < 4; i += 1) refs.push(await escalationOf());
    const [a, b, c, d] = refs;
    t.clock.set(INSTANT);
    const batches = await Promise.all([
      t.firing.fireMany([a, b, c]),
      t.firing.fireMany([c, b, a]),
      t.firing.fireMany([b, d]),
      t.firing.fireMany([d, a, d]),
      t.firing.fireMany([c]),
    ]);
    const named = [[a, b, c], [c, b, a], [b, d], [d, a, d], [c]];
    for (const ref of refs) {
      const answers = named.flatMap((batch, i) => batch.map((r, k) => [r, batches[i][k]] as const)).filter(([r]) => r === ref).map(([, result]) => result);
      expect(answers.filter((r) => r.outcome === 'fired')).toHaveLength(1);
      // The others came after it: the deadline was already missed (stale), or the same batch named it twice (duplicate).
      expect(answers.filter((r) => r.outcome !== 'fired').every((r) => r.outcome === 'stale' || r.outcome === 'duplicate')).toBe(true);
      expect(await ledgerCount(ref)).toBe(1);
      const fired = answers.find((r) => r.outcome === 'fired')!;
      expect(await notificationsOf(t.db, ref.deadlineId)).toHaveLength(fired.notifications);
    }
  });

});
