import { DataSource } from 'typeorm';
import { MIGRATIONS } from '@charterflow/database';
import { API, createOrganisationTree, OrganisationTree, startTestApp, TestApp } from '../support/app';
import { createDatabase, databaseUrlOf, dropDatabase, newDatabaseName, TEST_POSTGRES_URL } from '../support/test-services';
import { caseInCellReview, caseInProbation, caseReadyForRecognitionVote, record, recordOn } from '../api/helpers';

/** What the statistics count: the outcome events no later event annulled, in the province of the case's cell now. */
const DEFINITION = `
  SELECT e.case_id, e.seq, CASE e.to_state WHEN 'awaitingCeremony' THEN 'admission' WHEN 'fullMember' THEN 'recognition' ELSE 'removal' END AS kind,
         to_char(e.occurred_on, 'YYYY-MM-DD') AS occurred_on, split_part(o.path, '/', 2) AS province_id
  FROM case_events e JOIN cases c ON c.id = e.case_id JOIN organisations o ON o.id = c.organisation_id
  WHERE e.to_state IN ('awaitingCeremony', 'fullMember', 'removed') AND e.from_state IS DISTINCT FROM e.to_state
    AND NOT EXISTS (SELECT 1 FROM case_events a WHERE a.case_id = e.case_id AND a.seq > e.seq AND (
      (a.type = 'ADMISSION_ANNULLED' AND e.to_state IN ('awaitingCeremony', 'fullMember'))
      OR (a.type = 'RECOGNITION_ANNULLED' AND e.to_state = 'fullMember')
      OR (a.type = 'TRANSFERRED' AND a.from_state = 'awaitingCeremony' AND a.to_state = 'superiorReview' AND e.to_state = 'awaitingCeremony')))
  ORDER BY 1, 2`;
const STORED = `SELECT case_id, seq, kind, to_char(occurred_on, 'YYYY-MM-DD') AS occurred_on, province_id::text FROM case_outcomes ORDER BY 1, 2`;

/**
 * `case_outcomes` (ADR 0030), the table the statistics read, kept by the database's triggers: an annulment takes out
 * what it annuls, a transfer or an organisation moved to another province takes the outcomes with it, and the rows
 * are at every point exactly the outcomes the history defines. On a database of its own, because the last test undoes
 * and re-runs the migration that fills the table from the histories.
 */
describe('the outcomes the statistics count (real PostgreSQL, triggers)', () => {
  const name = newDatabaseName();
  let t: TestApp;
  let db: DataSource;
  let one: OrganisationTree;
  let two: OrganisationTree;

  const totals = async (tree: OrganisationTree, period: string) => {
    const body = (await t.http.get(`${API}/statistics/admissions`).query({ organisationId: tree.provinceId, period }).expect(200)).body;
    return { admissions: body.total.admissions as number, recognitions: body.total.recognitions as number };
  };
  const expectStoredAsDefined = async () => {
    const stored = await db.query(STORED);
    expect(stored.length).toBeGreaterThan(0);
    expect(stored).toEqual(await db.query(DEFINITION));
  };

  beforeAll(async () => {
    await createDatabase(name);
    t = await startTestApp({ today: '2026-01-05', env: { DATABASE_URL: databaseUrlOf(TEST_POSTGRES_URL, name) } });
    db = t.app.get(DataSource);
    one = await createOrganisationTree(t.http, { label: 'Kết quả Một' });
    two = await createOrganisationTree(t.http, { label: 'Kết quả Hai' });
  });
  afterAll(async () => {
    await t?.close();
    await dropDatabase(name);
  });

  it('a probationer transferred to another province takes the admission with it', async () => {
    const c = await caseInProbation(t, one.cellId);
    expect(await totals(one, '2026')).toEqual({ admissions: 1, recognitions: 0 });
    expect(await totals(two, '2026')).toEqual({ admissions: 0, recognitions: 0 });
    await recordOn(t, c.id, 'TRANSFERRED', '2026-07-01', { toOrganisationId: two.cellId, decisionNo: 'QĐ-ĐĐ-1' });
    expect(await totals(one, '2026')).toEqual({ admissions: 0, recognitions: 0 });
    expect(await totals(two, '2026')).toEqual({ admissions: 1, recognitions: 0 });
    await expectStoredAsDefined();
  });

  it('an annulled recognition leaves the count; the admission before it stays', async () => {
    const c = await caseReadyForRecognitionVote(t, one.cellId);
    await recordOn(t, c.id, 'RECOGNITION_CELL_VOTE_RECORDED', '2027-03-10', { fullMembers: 9, excluded: 0, inFavour: 7, motion: 'recognise' });
    await recordOn(t, c.id, 'RECOGNITION_GRASSROOTS_VOTE_RECORDED', '2027-03-15', { committeeMembers: 9, inFavour: 7, motion: 'recognise' });
    const decided = await recordOn(t, c.id, 'RECOGNITION_DECIDED', '2027-03-22', { decisionNo: 'QĐ-CN-7', standingMembers: 7, inFavour: 5, motion: 'recognise' });
    expect(decided.state).toBe('fullMember');
    expect(await totals(one, '2027')).toEqual({ admissions: 0, recognitions: 1 });
    await recordOn(t, c.id, 'RECOGNITION_ANNULLED', '2027-04-01', { decisionNo: 'QĐ-CN-7', reason: 'procedure_error' });
    expect(await totals(one, '2027')).toEqual({ admissions: 0, recognitions: 0 });
    expect(await totals(one, '2026')).toEqual({ admissions: 1, recognitions: 0 });
    await expectStoredAsDefined();
  });

  it('a transfer that meets a decision issued more than 30 working days after it annuls the admission (D18)', async () => {
    t.setToday('2026-01-14');
    const c = await caseInCellReview(t.http, one.cellId);
    await recordOn(t, c.id, 'CELL_VOTE_RECORDED', '2026-01-15', { fullMembers: 9, excluded: 0, inFavour: 6 });
    await recordOn(t, c.id, 'GRASSROOTS_VOTE_RECORDED', '2026-02-02', { committeeMembers: 9, inFavour: 6 });
    t.setToday('2026-04-02');
    await record(t.http, c.id, 'ADMISSION_DECIDED', '2026-04-01', { decisionNo: 'QĐ-9', standingMembers: 7, inFavour: 4, receivedOn: '2026-04-02' });
    expect(await totals(one, '2026')).toEqual({ admissions: 2, recognitions: 0 });
    const moved = await record(t.http, c.id, 'TRANSFERRED', '2026-01-16', { toOrganisationId: two.cellId, decisionNo: 'QĐ-ĐĐ-2' });
    expect(moved.state).toBe('superiorReview');
    expect(await totals(one, '2026')).toEqual({ admissions: 1, recognitions: 0 });
    expect(await totals(two, '2026')).toEqual({ admissions: 1, recognitions: 0 });
    await expectStoredAsDefined();
  });

  it('a commune moved under another province takes its cases’ outcomes there', async () => {
    expect(await totals(one, '2026')).toEqual({ admissions: 1, recognitions: 0 });
    await t.http.patch(`${API}/organisations/${one.communeId}`).send({ parentId: two.provinceId }).expect(200);
    expect(await totals(one, '2026')).toEqual({ admissions: 0, recognitions: 0 });
    expect(await totals(two, '2026')).toEqual({ admissions: 2, recognitions: 0 });
    await expectStoredAsDefined();
  });

  describe('the answer kept per organisation and period, and the province version it is kept under', () => {
    const version = async (province: string) =>
      Number((await db.query(`SELECT version FROM statistics_versions WHERE province_id = $1`, [province]))[0]?.version ?? 0);

    it('is given again while the version stays, and computed anew once any change commits', async () => {
      const before = await totals(two, '2026');
      const [row] = await db.query(`SELECT * FROM case_outcomes WHERE province_id = $1 AND kind = 'admission' ORDER BY case_id LIMIT 1`, [two.provinceId]);
      // Taken out with the triggers off, as no writer of the application can: nothing moves the version.
      const untracked = (sql: string, params: unknown[]) =>
        db.transaction(async (m) => {
          await m.query(`SET LOCAL session_replication_role = replica`);
          await m.query(sql, params);
        });
      await untracked(`DELETE FROM case_outcomes WHERE case_id = $1 AND seq = $2`, [row.case_id, row.seq]);
      expect(await totals(two, '2026')).toEqual(before);
      // A new organisation in the province moves it: the answer is computed again and sees the row gone.
      await t.http.post(`${API}/organisations`).send({ name: 'Chi bộ Mới', kind: 'cell', parentId: two.grassrootsId }).expect(201);
      expect(await totals(two, '2026')).toEqual({ ...before, admissions: before.admissions - 1 });
      await untracked(`INSERT INTO case_outcomes (case_id, seq, kind, occurred_on, province_id) VALUES ($1, $2, $3, $4, $5)`, [row.case_id, row.seq, row.kind, row.occurred_on, row.province_id]);
      // A rename moves it too, and the new name is in the next answer.
      await t.http.patch(`${API}/organisations/${two.communeId}`).send({ name: 'Đảng ủy phường Đổi Tên' }).expect(200);
      const renamed = (await t.http.get(`${API}/statistics/admissions`).query({ organisationId: two.provinceId, period: '2026' }).expect(200)).body;
      expect(renamed.total.admissions).toBe(before.admissions);
      expect(renamed.rows.map((l: { organisationName: string }) => l.organisationName)).toContain('Đảng ủy phường Đổi Tên');
    });

    it('moves once per committed transaction and province, for outcomes and candidates; not for a candidate written unchanged', async () => {
      const v = await version(two.provinceId);
      await db.transaction(async (m) => {
        await m.query(`UPDATE case_outcomes SET occurred_on = occurred_on WHERE province_id = $1`, [two.provinceId]);
        await m.query(`UPDATE case_outcomes SET occurred_on = occurred_on WHERE province_id = $1`, [two.provinceId]);
      });
      expect(await version(two.provinceId)).toBe(v + 1);
      const [{ case_id }] = await db.query(`SELECT case_id FROM case_outcomes WHERE province_id = $1 LIMIT 1`, [two.provinceId]);
      await db.query(`UPDATE cases SET candidate = candidate WHERE id = $1`, [case_id]);
      expect(await version(two.provinceId)).toBe(v + 1);
      await db.query(`UPDATE cases SET candidate = candidate || '{"occupation": "farmer"}' WHERE id = $1`, [case_id]);
      expect(await version(two.provinceId)).toBe(v + 2);
      expect(await version(one.provinceId)).toBeGreaterThan(0);
    });

    it('is locked only while the changing transaction commits, not while it works', async () => {
      const runner = db.createQueryRunner();
      await runner.startTransaction();
      try {
        await runner.query(`UPDATE case_outcomes SET occurred_on = occurred_on WHERE province_id = $1`, [two.provinceId]);
        // The first transaction has not committed: another one moves the same counter without waiting for it.
        await db.transaction(async (m) => {
          await m.query(`SET LOCAL lock_timeout = '500ms'`);
          await m.query(`UPDATE statistics_versions SET version = version + 1 WHERE province_id = $1`, [two.provinceId]);
        });
        await runner.commitTransaction();
      } finally {
        await runner.release();
      }
    });

    it('two transactions moving the counters of the same provinces in opposite orders both commit, in turn', async () => {
      // Two provinces of their own: the units of the trees above moved between provinces.
      const a = await createOrganisationTree(t.http, { label: 'Lượt A' });
      const b = await createOrganisationTree(t.http, { label: 'Lượt B' });
      const before = { a: await version(a.provinceId), b: await version(b.provinceId) };
      const first = db.createQueryRunner();
      const second = db.createQueryRunner();
      // Writes a unit's row (each transaction its own units), and moves its province's counter now rather than at
      // commit (the deferred triggers fire).
      let finished = false;
      const touch = (r: typeof first, unit: string) =>
        r.query(`UPDATE organisations SET name = name WHERE id = $1`, [unit]).then(() => r.query(`SET CONSTRAINTS ALL IMMEDIATE`));
      try {
        await first.startTransaction();
        await second.startTransaction();
        const [{ pid }] = await second.query(`SELECT pg_backend_pid() AS pid`);
        await touch(first, a.communeId);
        // The second moves province B first, then A: the opposite order of the first transaction.
        const secondMovesB = touch(second, b.cellId);
        const secondDone = secondMovesB.then(() => touch(second, a.cellId)).then(() => second.commitTransaction());
        // Once the second has moved its first counter or waits for its turn, the first moves the second counter.
        const waiting = async () => {
          while (!finished) {
            const [row] = await db.query(`SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1`, [pid]);
            if (row?.wait_event_type === 'Lock') return;
            await new Promise((r) => setTimeout(r, 20));
          }
        };
        await Promise.race([secondMovesB, waiting()]);
        await touch(first, b.communeId);
        await first.commitTransaction();
        await secondDone;
      } finally {
        finished = true;
        await first.release();
        await second.release();
      }
      expect({ a: await version(a.provinceId), b: await version(b.provinceId) }).toEqual({ a: before.a + 2, b: before.b + 2 });
    });
  });

  it('histories appended whole in one statement (an import) keep the outcomes event-by-event appends keep', async () => {
    const three = await createOrganisationTree(t.http, { label: 'Kết quả Ba' });
    const [a, b]: { id: string }[] = await db.query(
      `INSERT INTO cases (organisation_id, state, snapshot, machine_version, procedure_version, version, candidate, search_text, last_seq, last_hash, created_at, updated_at)
       SELECT $1::uuid, 'probation', '{}'::jsonb, 1, 'seeded', 1, jsonb_build_object('fullName', 'Ứng viên ' || n), 'ung vien ' || n, 1, 'seeded', now(), now()
       FROM generate_series(1, 2) AS n ORDER BY n RETURNING id`,
      [three.cellId],
    );
    // Case a: admitted, recognised, the admission annulled (both go), admitted again (stays).
    // Case b: admitted, a transfer meeting a late decision (the admission goes), admitted again, recognised, the
    // recognition annulled (it goes; the second admission stays).
    const events: [string, number, string, string | null, string, string][] = [
      [a.id, 1, 'CASE_OPENED', null, 'sympathiser', '2026-01-02'],
      [a.id, 2, 'ADMISSION_DECIDED', 'superiorReview', 'awaitingCeremony', '2026-02-02'],
      [a.id, 3, 'CEREMONY_HELD', 'awaitingCeremony', 'probation', '2026-02-10'],
      [a.id, 4, 'RECOGNITION_DECIDED', 'recognitionReview', 'fullMember', '2026-03-02'],
      [a.id, 5, 'ADMISSION_ANNULLED', 'fullMember', 'superiorReview', '2026-04-01'],
      [a.id, 6, 'ADMISSION_DECIDED', 'superiorReview', 'awaitingCeremony', '2026-05-04'],
      [b.id, 1, 'CASE_OPENED', null, 'sympathiser', '2026-01-02'],
      [b.id, 2, 'ADMISSION_DECIDED', 'superiorReview', 'awaitingCeremony', '2026-02-03'],
      [b.id, 3, 'TRANSFERRED', 'awaitingCeremony', 'superiorReview', '2026-03-03'],
      [b.id, 4, 'ADMISSION_DECIDED', 'superiorReview', 'awaitingCeremony', '2026-04-02'],
      [b.id, 5, 'RECOGNITION_DECIDED', 'recognitionReview', 'fullMember', '2026-05-05'],
      [b.id, 6, 'RECOGNITION_ANNULLED', 'fullMember', 'probation', '2026-06-01'],
    ];
    await db.query(
      `INSERT INTO case_events (case_id, seq, type, payload, occurred_on, recorded_at, actor, from_state, to_state, prev_hash, hash)
       SELECT (e ->> 0)::uuid, (e ->> 1)::int, e ->> 2, '{}'::jsonb, (e ->> 5)::date, now(), '{}'::jsonb, e ->> 3, e ->> 4, 'seeded', 'seeded'
       FROM jsonb_array_elements($1::jsonb) AS e`,
      [JSON.stringify(events)],
    );
    const stored = await db.query(`SELECT case_id, seq, kind FROM case_outcomes WHERE case_id = ANY($1::uuid[]) ORDER BY case_id = $2 DESC, seq`, [[a.id, b.id], a.id]);
    expect(stored).toEqual([
      { case_id: a.id, seq: 6, kind: 'admission' },
      { case_id: b.id, seq: 4, kind: 'admission' },
    ]);
    await expectStoredAsDefined();
    expect(await totals(three, '2026')).toEqual({ admissions: 2, recognitions: 0 });
    // Both cases are dirty for the compliance audit, once each.
    expect(await db.query(`SELECT count(*)::int AS n FROM audit_case_state WHERE case_id = ANY($1::uuid[]) AND dirty`, [[a.id, b.id]])).toEqual([{ n: 2 }]);
  });

  it('the migration fills the table from the histories with exactly what the triggers kept', async () => {
    const kept = await db.query(STORED);
    const Migration = MIGRATIONS.find((m) => m.name === 'CaseOutcomes1767225603500')!;
    const runner = db.createQueryRunner();
    try {
      await new Migration().down(runner);
      expect(await db.query(`SELECT to_regclass('case_outcomes') AS t`)).toEqual([{ t: null }]);
      await new Migration().up(runner);
    } finally {
      await runner.release();
    }
    expect(await db.query(STORED)).toEqual(kept);
    expect(await totals(two, '2026')).toEqual({ admissions: 2, recognitions: 0 });
  });
});
