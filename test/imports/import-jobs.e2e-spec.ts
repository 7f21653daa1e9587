import { DataSource } from 'typeorm';
import { ImportRunner, IMPORT_BATCH_ROWS, IMPORT_LEASE_MS } from '@charterflow/intake';
import { API, instantOf, startTestApp, TestApp } from '../support/app';
import { account, createOrganisation } from '../access/support';
import { createTempDataDir, PGLITE_TIMEOUT_MS } from '../support/database';
import { finished } from './finish';
import { probationerRow, toCsv } from './rows';

const TODAY = '2026-06-30';

/**
 * Imports as jobs (ADR 0028): the upload is accepted at once, a worker processes it in batches that commit their
 * cases, their rows' outcomes and the cursor together; a worker that dies mid-file is taken over after its lease
 * and no case is stored twice.
 */
describe('imports as jobs (real PostgreSQL)', () => {
  let t: TestApp;
  let db: DataSource;
  let runner: ImportRunner;
  const o: Record<string, string> = {};
  const post = (csv: string, agent = t.http) => agent.post(`${API}/imports`).set('Content-Type', 'text/csv').send(csv);
  const casesOf = async (prefix: string) => (await db.query(`SELECT count(*)::int AS n, count(DISTINCT external_id)::int AS ids FROM cases WHERE external_id LIKE $1 || '%'`, [prefix]))[0] as { n: number; ids: number };
  const read = async (id: string) => (await t.http.get(`${API}/imports/${id}`).expect(200)).body;

  beforeAll(async () => {
    t = await startTestApp({ today: TODAY });
    db = t.app.get(DataSource);
    runner = t.app.get(ImportRunner);
    o.P = await createOrganisation(t, { name: 'Tỉnh ủy Hàng đợi', kind: 'province' });
    o.C = await createOrganisation(t, { name: 'Xã Hàng đợi', kind: 'commune', parentId: o.P });
    o.G = await createOrganisation(t, { name: 'Đảng ủy cơ sở Hàng đợi', kind: 'grassroots', parentId: o.C });
    o.A = await createOrganisation(t, { name: 'Chi bộ Hàng đợi', kind: 'cell', parentId: o.G });
    o.PX = await createOrganisation(t, { name: 'Tỉnh ủy Khác Hàng đợi', kind: 'province' });
    // The run's database is shared by the test files: imports another file left waiting are worked off first, so
    // that every import waiting below is this file's (the counts of drain() are of those).
    await runner.drain();
  });
  afterAll(() => t?.close());

  it('a file of several batches: queued at once, running batch by batch, resumed after its worker died, done with every row once', async () => {
    // Two full batches and a part: a bad date in the first, an unknown cell in the second, and in the third a row
    // repeating the external id of the first batch's third row.
    const total = 2 * IMPORT_BATCH_ROWS + 40;
    const rows = Array.from({ length: total }, (_, i) => probationerRow(`JOB-${i + 1}`, o.A, i % 2 ? '2025-12-01' : '2025-11-20'));
    rows[1] = { ...rows[1], cellVoteOn: '2025-12-32' };
    rows[IMPORT_BATCH_ROWS + 4] = { ...rows[IMPORT_BATCH_ROWS + 4], organisationId: '00000000-0000-4000-8000-000000000000' };
    rows[2 * IMPORT_BATCH_ROWS + 9] = { ...rows[2 * IMPORT_BATCH_ROWS + 9], externalId: 'JOB-3' };

    const accepted = await post(toCsv(rows)).expect(202);
    expect(accepted.headers.location).toBe(`${API}/imports/${accepted.body.importId as string}`);
    expect(accepted.body).toMatchObject({ status: 'queued', rows: total, processed: 0, imported: 0, items: [], startedAt: null, finishedAt: null });
    expect(await casesOf('JOB-')).toEqual({ n: 0, ids: 0 });

    // A worker claims it and commits one batch, then dies (its claim is simply dropped).
    const dying = await runner.claim();
    expect(dying?.job.id).toBe(accepted.body.importId);
    expect(await read(accepted.body.importId)).toMatchObject({ status: 'running', processed: 0, startedAt: instantOf(TODAY) });
    expect(await runner.nextBatch(dying!)).toBe(true);
    expect(await read(accepted.body.importId)).toMatchObject({ status: 'running', processed: IMPORT_BATCH_ROWS, imported: IMPORT_BATCH_ROWS - 1, refused: 1, items: [] });
    expect(await casesOf('JOB-')).toEqual({ n: IMPORT_BATCH_ROWS - 1, ids: IMPORT_BATCH_ROWS - 1 });

    // Its lease still holds: no other worker takes the import.
    expect(await runner.drain()).toBe(0);
    expect((await read(accepted.body.importId)).processed).toBe(IMPORT_BATCH_ROWS);

    // Once the lease ran out, another worker resumes at the cursor and finishes the file.
    t.clock.set(new Date(new Date(instantOf(TODAY)).getTime() + IMPORT_LEASE_MS + 1000).toISOString());
    try {
      expect(await runner.drain()).toBe(1);
    } finally {
      t.setToday(TODAY);
    }
    const done = await read(accepted.body.importId);
    expect(done).toMatchObject({ status: 'done', rows: total, processed: total, imported: total - 3, refused: 3, unchanged: 0 });
    expect(done.items).toHaveLength(total);
    expect(done.items.map((i: { row: number }) => i.row)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(done.items[1]).toMatchObject({ status: 'refused', errors: [expect.objectContaining({ field: 'cellVoteOn' })] });
    expect(done.items[IMPORT_BATCH_ROWS + 4]).toMatchObject({ status: 'refused', errors: [expect.objectContaining({ field: 'organisationId' })] });
    // The resumed worker knew the first batch's external ids.
    expect(done.items[2 * IMPORT_BATCH_ROWS + 9]).toMatchObject({ status: 'refused', errors: [expect.objectContaining({ field: 'externalId', message: 'externalId repeats row 3 of this file' })] });
    expect(await casesOf('JOB-')).toEqual({ n: total - 3, ids: total - 3 });

    // The dead worker, come back, may not commit anything more.
    expect(await runner.complete(dying!)).toBe(false);
    expect(await casesOf('JOB-')).toEqual({ n: total - 3, ids: total - 3 });
    expect((await read(accepted.body.importId)).processed).toBe(total);
  });

  it('the same file uploaded again while the first is waiting answers the first import; once done, a new import finds every row unchanged', async () => {
    const csv = toCsv([probationerRow('DUP-1', o.A, '2025-12-01'), probationerRow('DUP-2', o.A, '2025-12-02')]);
    const first = await post(csv).expect(202);
    const again = await post(csv).expect(202);
    expect(again.body.importId).toBe(first.body.importId);
    // Not the same file: another import.
    const other = await post(toCsv([probationerRow('DUP-3', o.A, '2025-12-01')])).expect(202);
    expect(other.body.importId).not.toBe(first.body.importId);
    expect(await finished(t, first)).toMatchObject({ imported: 2, unchanged: 0 });
    expect((await read(other.body.importId)).imported).toBe(1);
    const later = await post(csv).expect(202);
    expect(later.body.importId).not.toBe(first.body.importId);
    expect(await finished(t, later)).toMatchObject({ imported: 0, unchanged: 2, refused: 0 });
    expect(await casesOf('DUP-')).toEqual({ n: 3, ids: 3 });
  });

  it('the same file uploaded several times at the same instant queues one import, and every upload answers it', async () => {
    const csv = toCsv([probationerRow('SAME-1', o.A, '2025-12-03'), probationerRow('SAME-2', o.A, '2025-12-04')]);
    const answers = await Promise.all(Array.from({ length: 4 }, () => post(csv)));
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202, 202]);
    const ids = new Set(answers.map((a) => a.body.importId as string));
    expect(ids.size).toBe(1);
    const [id] = ids;
    const queued = async () =>
      (await db.query(`SELECT count(*)::int AS n FROM imports WHERE content_hash = (SELECT content_hash FROM imports WHERE id = $1)`, [id]))[0].n as number;
    expect(await queued()).toBe(1);
    // The database holds it whatever the timing: a second unfinished import of the same content and subtree is refused.
    const [first] = await db.query(`SELECT actor, scope_path, content_hash, source FROM imports WHERE id = $1`, [id]);
    const insertSame = (m: Pick<DataSource, 'query'> = db) =>
      m.query(
        `INSERT INTO imports (id, actor, scope_path, historical, format, rows, imported, unchanged, refused, flagged, status, processed, content_hash, source, accepted_at)
         VALUES (gen_random_uuid(), $1::jsonb, $2, false, 'csv', 2, 0, 0, 0, 0, 'queued', 0, $3, $4, now())`,
        [JSON.stringify(first.actor), first.scope_path, first.content_hash, first.source],
      );
    await expect(insertSame()).rejects.toMatchObject({ driverError: { code: '23505' } });
    expect(await finished(t, answers[0])).toMatchObject({ imported: 2, unchanged: 0, refused: 0 });
    expect(await casesOf('SAME-')).toEqual({ n: 2, ids: 2 });
    // Once it is done, the same content may be queued again (tried in a transaction rolled back, so no worker sees it).
    const tx = db.createQueryRunner();
    await tx.connect();
    await tx.startTransaction();
    try {
      await insertSame(tx.manager);
      expect((await tx.query(`SELECT count(*)::int AS n FROM imports WHERE content_hash = $1`, [first.content_hash]))[0].n).toBe(2);
    } finally {
      await tx.rollbackTransaction();
      await tx.release();
    }
    expect(await queued()).toBe(1);
  });

  it('an import exists only for accounts of the uploader’s subtree', async () => {
    const adminP = await account(t, 'qt.hangdoi.p', o.P, ['admin']);
    const adminX = await account(t, 'qt.hangdoi.x', o.PX, ['admin']);
    const accepted = await post(toCsv([probationerRow('SC-1', o.A, '2025-12-01')]), adminP.agent).expect(202);
    const report = await finished(t, accepted);
    expect(report.imported).toBe(1);
    expect((await adminP.agent.get(`${API}/imports/${accepted.body.importId as string}`).expect(200)).body).toMatchObject({ status: 'done', imported: 1 });
    expect((await adminX.agent.get(`${API}/imports/${accepted.body.importId as string}`).expect(404)).body.code).toBe('NOT_FOUND');
    await t.http.get(`${API}/imports/00000000-0000-4000-8000-000000000000`).expect(404);
  });

  it('an import whose processing keeps failing is marked failed after three attempts, and the worker goes on', async () => {
    // A stored file damaged after it was accepted (it cannot be read again).
    const id = '5d9a3c52-9c1e-4f3e-8f43-3d1c6b1a0b77';
    await db.query(
      `INSERT INTO imports (id, actor, scope_path, historical, format, rows, imported, unchanged, refused, flagged, status, processed, content_hash, source, accepted_at)
       VALUES ($1, '{}'::jsonb, NULL, false, 'csv', 1, 0, 0, 0, 0, 'queued', 0, 'damaged', $2, $3)`,
      [id, Buffer.from('"unbalanced,quote\n', 'utf8'), instantOf(TODAY)],
    );
    const next = await post(toCsv([probationerRow('FAIL-1', o.A, '2025-12-01')])).expect(202);
    expect(await runner.drain()).toBe(1);
    expect(await read(id)).toMatchObject({ status: 'failed', processed: 0, finishedAt: instantOf(TODAY) });
    const attempts: { attempts: number }[] = await db.query(`SELECT attempts FROM imports WHERE id = $1`, [id]);
    expect(attempts[0].attempts).toBe(3);
    expect((await read(next.body.importId)).status).toBe('done');
  });

  it('a file that is not a file of rows is refused at once and nothing is queued', async () => {
    const count = async () => (await db.query(`SELECT count(*)::int AS n FROM imports`))[0].n as number;
    const before = await count();
    expect((await post('a,b\n1,2\n').expect(400)).body.fields[0].field).toBe('file');
    expect((await post('"unbalanced,quote\n').expect(400)).body.fields[0].field).toBe('file');
    expect((await t.http.post(`${API}/imports`).send({ rows: 'nope' }).expect(400)).body.fields[0].field).toBe('rows');
    // Said for staff too, under the file field: what is wrong with the file, in Vietnamese.
    expect((await post('a,b\n1,2\n').expect(400)).body.fields[0].messageVi).toBe('Dòng đầu của tệp phải ghi tên các cột theo hướng dẫn nhập hồ sơ (externalId, organisationId, …).');
    expect((await post('"unbalanced,quote\n').expect(400)).body.fields[0].messageVi).toBe('Tệp không đọc được như một tệp CSV (UTF-8, các ô ngăn bởi dấu phẩy): dấu ngoặc kép ở dòng 1 của tệp không được đóng đúng.');
    expect((await post(' \n').expect(400)).body.fields[0].messageVi).toBe('Tệp CSV không có nội dung.');
    expect(await count()).toBe(before);
  });

  // Last: the runner of this app stops for good.
  it('a worker that stops hands its import back after the batch in progress, for another to resume at once', async () => {
    const rows = Array.from({ length: IMPORT_BATCH_ROWS + 2 }, (_, i) => probationerRow(`STOP-${i + 1}`, o.A, '2025-12-01'));
    const accepted = await post(toCsv(rows)).expect(202);
    const claimed = await runner.claim();
    expect(claimed?.job.id).toBe(accepted.body.importId);
    runner.stop();
    expect(await runner.complete(claimed!)).toBe(false);
    expect(await read(accepted.body.importId)).toMatchObject({ status: 'queued', processed: IMPORT_BATCH_ROWS });
    const attempts: { attempts: number; lease_owner: string | null }[] = await db.query(`SELECT attempts, lease_owner FROM imports WHERE id = $1`, [accepted.body.importId]);
    expect(attempts[0]).toEqual({ attempts: 0, lease_owner: null });
    expect(await runner.drain()).toBe(0);
    expect(await casesOf('STOP-')).toEqual({ n: IMPORT_BATCH_ROWS, ids: IMPORT_BATCH_ROWS });
  });
});

describe('imports as jobs on embedded PGlite, processed by the in-process worker', () => {
  const folder = createTempDataDir();
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ today: TODAY, dataDir: folder.dir, env: { RUN_WORKER: 'true' } });
  }, PGLITE_TIMEOUT_MS);
  afterAll(async () => {
    await t?.close();
    folder.remove();
  }, PGLITE_TIMEOUT_MS);

  it('an accepted upload is processed without anyone asking, and its report read', async () => {
    const cell = await createOrganisation(t, { name: 'Tỉnh ủy Nhúng', kind: 'province' })
      .then((p) => createOrganisation(t, { name: 'Xã Nhúng', kind: 'commune', parentId: p }))
      .then((c) => createOrganisation(t, { name: 'Đảng ủy cơ sở Nhúng', kind: 'grassroots', parentId: c }))
      .then((g) => createOrganisation(t, { name: 'Chi bộ Nhúng', kind: 'cell', parentId: g }));
    const rows = [probationerRow('EMB-1', cell, '2025-12-01'), { ...probationerRow('EMB-2', cell, '2025-12-01'), cellInFavour: '' }];
    const accepted = await t.http.post(`${API}/imports`).set('Content-Type', 'text/csv').send(toCsv(rows)).expect(202);
    let report = accepted.body;
    // The worker polls every second; wait for it (bounded by the test's own timeout).
    while (report.status === 'queued' || report.status === 'running') {
      await new Promise((r) => setTimeout(r, 200));
      report = (await t.http.get(`${API}/imports/${accepted.body.importId as string}`).set('X-Background-Request', 'true').expect(200)).body;
    }
    expect(report).toMatchObject({ status: 'done', rows: 2, processed: 2, imported: 1, refused: 1 });
    expect(report.items[1]).toMatchObject({ status: 'refused', errors: [expect.objectContaining({ field: 'cellInFavour' })] });
    expect((await t.http.get(`${API}/cases/${report.items[0].caseId as string}`).expect(200)).body.state).toBe('probation');
  }, PGLITE_TIMEOUT_MS);
});
