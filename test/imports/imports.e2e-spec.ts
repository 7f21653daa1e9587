import { DataSource } from 'typeorm';
import { API, startTestApp, TestApp } from '../support/app';
import { account, createOrganisation } from '../access/support';
import { finished } from './finish';
import { probationerRow, toCsv } from './rows';

const TODAY = '2026-06-30';

describe('import of cases already under way (real PostgreSQL)', () => {
  let t: TestApp;
  const o: Record<string, string> = {};
  let db: DataSource;
  const counts = async () => (await db.query(`SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM case_events)::int AS events, (SELECT count(*) FROM deadlines)::int AS deadlines`))[0];
  const upload = async (csv: string, historical = false) => ({ body: await finished(t, await t.http.post(`${API}/imports`).query({ historical: String(historical) }).set('Content-Type', 'text/csv').send(csv)) });

  beforeAll(async () => {
    t = await startTestApp({ today: TODAY });
    db = t.app.get(DataSource);
    o.P = await createOrganisation(t, { name: 'Tỉnh ủy Nhập liệu', kind: 'province' });
    o.C = await createOrganisation(t, { name: 'Đảng ủy xã Nhập liệu', kind: 'commune', parentId: o.P });
    o.G = await createOrganisation(t, { name: 'Đảng ủy cơ sở Nhập liệu', kind: 'grassroots', parentId: o.C });
    o.A = await createOrganisation(t, { name: 'Chi bộ Nhập liệu', kind: 'cell', parentId: o.G });
    o.PX = await createOrganisation(t, { name: 'Tỉnh ủy Khác', kind: 'province' });
    o.CX = await createOrganisation(t, { name: 'Xã Khác', kind: 'commune', parentId: o.PX });
    o.X = await createOrganisation(t, { name: 'Chi bộ Khác', kind: 'cell', parentId: o.CX });
  });
  afterAll(() => t?.close());

  it('a probationer admitted months ago (ceremony in January) arrives in probation, with its probation deadline open and its history replayed', async () => {
    // Opened 2025-12-01: cell vote 2025-12-11, decision 2026-01-10, ceremony 2026-01-24.
    const row = probationerRow('P-1', o.A, '2025-12-01');
    const res = await upload(toCsv([row]));
    expect(res.body).toMatchObject({ rows: 1, imported: 1, unchanged: 0, refused: 0, flagged: 0 });
    const item = res.body.items[0];
    expect(item).toMatchObject({ row: 1, externalId: 'P-1', status: 'imported', state: 'probation' });
    const c = (await t.http.get(`${API}/cases/${item.caseId}`).expect(200)).body;
    expect(c.membership).toMatchObject({ probationStartOn: '2026-01-24', probationEndOn: '2027-01-24' });
    expect(c.deadlines.find((d: { kind: string }) => d.kind === 'PROBATION_END')).toMatchObject({ dueOn: '2027-01-24', status: 'open' });
    const events = (await t.http.get(`${API}/cases/${item.caseId}/events`).expect(200)).body;
    expect(events.map((e: { type: string }) => e.type)).toEqual([
      'CASE_OPENED', 'AWARENESS_CERTIFICATE_RECORDED', 'DOSSIER_OPENED', 'APPLICATION_FILED', 'BIOGRAPHY_FILED', 'BIOGRAPHY_CERTIFIED',
      'SPONSOR_ADDED', 'INTRODUCING_RESOLUTION_RECORDED', 'OPINIONS_RECORDED', 'CELL_VOTE_RECORDED', 'GRASSROOTS_VOTE_RECORDED',
      'ADMISSION_DECIDED', 'CEREMONY_HELD', 'MEMBER_RECORDS_FILED',
    ]);
    expect(events[11]).toMatchObject({ occurredOn: '2026-01-10', actor: { username: 'admin' } });
    expect((await t.http.get(`${API}/cases/${item.caseId}/verify`).expect(200)).body.valid).toBe(true);
  });

  it('a probation that ended before import day is ended by the engine on its date, and its recognition limit already runs', async () => {
    const row = probationerRow('P-2', o.A, '2025-04-01');
    const item = (await upload(toCsv([row]))).body.items[0];
    expect(item.state).toBe('recognitionReview');
    const events = (await t.http.get(`${API}/cases/${item.caseId}/events`).expect(200)).body;
    expect(events[events.length - 1]).toMatchObject({ type: 'PROBATION_ENDED', occurredOn: '2026-05-25', actor: { kind: 'system' } });
    // Within 30 working days after the end (25 May): still open on 30 June.
    const c = (await t.http.get(`${API}/cases/${item.caseId}`).expect(200)).body;
    expect(c.deadlines.find((d: { kind: string }) => d.kind === 'RECOGNITION_CELL_REVIEW')).toMatchObject({ status: 'open' });
  });

  it('a limit already past on import day is stored as missed', async () => {
    // Cell vote 2026-03-11 and no decision by 30 June: the 45-working-day limit has passed.
    const row = probationerRow('P-3', o.A, '2026-03-01');
    for (const k of ['admissionDecisionOn', 'admissionDecisionNo', 'standingMembers', 'standingInFavour', 'ceremonyOn', 'helperName', 'memberRecordsOn']) delete (row)[k];
    const item = (await upload(toCsv([row]))).body.items[0];
    expect(item.state).toBe('superiorReview');
    const c = (await t.http.get(`${API}/cases/${item.caseId}`).expect(200)).body;
    expect(c.deadlines.find((d: { kind: string }) => d.kind === 'ADMISSION_DECISION')).toMatchObject({ status: 'missed' });
  });

  it('bad rows are reported with their number and reasons and write nothing; good rows go in', async () => {
    const before = await counts();
    const good = probationerRow('B-1', o.A, '2025-12-01');
    const unknownCell = probationerRow('B-2', '00000000-0000-4000-8000-000000000000', '2025-12-01');
    const badDate = { ...probationerRow('B-3', o.A, '2025-12-01'), cellVoteOn: '2025-12-32' };
    const future = { ...probationerRow('B-4', o.A, '2026-06-01') };
    const outOfOrder = { ...probationerRow('B-5', o.A, '2025-12-01'), ceremonyOn: '2025-12-20' };
    const missingCounts = { ...probationerRow('B-6', o.A, '2025-12-01'), cellInFavour: '' };
    const otherProvince = probationerRow('B-7', o.X, '2025-12-01');
    const res = await upload(toCsv([good, unknownCell, badDate, future, outOfOrder, missingCounts]));
    expect(res.body).toMatchObject({ rows: 6, imported: 1, refused: 5 });
    const byRow = Object.fromEntries(res.body.items.map((i) => [i.row, i]));
    expect(byRow[1]).toMatchObject({ status: 'imported', externalId: 'B-1' });
    expect(byRow[2]).toMatchObject({ status: 'refused', line: 3, errors: [{ code: 'VALIDATION_FAILED', field: 'organisationId' }] });
    expect(byRow[3].errors).toEqual([expect.objectContaining({ field: 'cellVoteOn', message: expect.stringContaining('YYYY-MM-DD') })]);
    expect(byRow[4].errors).toEqual([expect.objectContaining({ code: 'RULE_VIOLATION', rule: 'DATE_IN_FUTURE' })]);
    expect(byRow[5].errors).toEqual([expect.objectContaining({ code: 'EVENT_NOT_ALLOWED', eventType: 'CEREMONY_HELD', occurredOn: '2025-12-20' })]);
    expect(byRow[6].errors).toEqual([expect.objectContaining({ field: 'cellInFavour', message: 'cellInFavour is required' })]);
    const after = await counts();
    expect(after.cases - before.cases).toBe(1);
    // A province admin: the other province's cell does not exist for it.
    const admin = await account(t, 'qt.nhaplieu', o.P, ['admin']);
    const scoped = await finished(t, await admin.agent.post(`${API}/imports`).set('Content-Type', 'text/csv').send(toCsv([otherProvince])));
    expect(scoped.items[0]).toMatchObject({ status: 'refused', errors: [{ field: 'organisationId', message: expect.stringContaining('does not exist') }] });
    expect((await counts()).cases - before.cases).toBe(1);
  });

  it('a rule the history broke: refused with its rule id, or imported and flagged when the import is historical', async () => {
    const underAge = { ...probationerRow('H-1', o.A, '2025-12-01'), dateOfBirth: '2008-01-01' };
    const refused = (await upload(toCsv([underAge]), false)).body;
    expect(refused.items[0]).toMatchObject({ status: 'refused', errors: [{ code: 'RULE_VIOLATION', rule: 'AGE_BELOW_18', eventType: 'CELL_VOTE_RECORDED' }] });
    const flagged = (await upload(toCsv([underAge]), true)).body;
    expect(flagged).toMatchObject({ historical: true, imported: 1, flagged: 1 });
    expect(flagged.items[0]).toMatchObject({ status: 'imported', state: 'probation', flagged: [expect.objectContaining({ type: 'CELL_VOTE_RECORDED', rule: 'AGE_BELOW_18' })] });
    // The audit reports it like any other breach.
    const compliance = (await t.http.get(`${API}/cases/${flagged.items[0].caseId}/compliance`).expect(200)).body;
    expect(compliance.results.find((r: { check: string }) => r.check === 'A1')).toMatchObject({ status: 'fail', detectedOn: '2025-12-11' });
  });

  it('an external id is the importing province’s own: another province may use the same id, and learns nothing of the first', async () => {
    const gx = await createOrganisation(t, { name: 'Đảng ủy cơ sở Khác', kind: 'grassroots', parentId: o.CX });
    const x2 = await createOrganisation(t, { name: 'Chi bộ Khác 2', kind: 'cell', parentId: gx });
    const adminP = await account(t, 'qt.so.p', o.P, ['admin']);
    const adminX = await account(t, 'qt.so.x', o.PX, ['admin']);
    const send = async (agent: typeof adminP.agent, row: Record<string, string>) => ({ body: await finished(t, await agent.post(`${API}/imports`).set('Content-Type', 'text/csv').send(toCsv([row]))) });
    const rowP = probationerRow('SO-1', o.A, '2025-12-01');
    const rowX = { ...probationerRow('SO-1', x2, '2025-12-03'), fullName: 'Người của tỉnh khác' };
    const inP = (await send(adminP.agent, rowP)).body.items[0];
    const inX = (await send(adminX.agent, rowX)).body.items[0];
    expect(inP).toMatchObject({ status: 'imported', externalId: 'SO-1' });
    expect(inX).toMatchObject({ status: 'imported', externalId: 'SO-1' });
    expect(inX.caseId).not.toBe(inP.caseId);
    // Each province recognises its own row again, and only its own.
    expect((await send(adminX.agent, rowX)).body.items[0]).toMatchObject({ status: 'unchanged', caseId: inX.caseId });
    expect((await send(adminP.agent, rowP)).body.items[0]).toMatchObject({ status: 'unchanged', caseId: inP.caseId });
    expect((await send(adminX.agent, { ...rowX, cellInFavour: '7' })).body.items[0]).toMatchObject({ status: 'refused', errors: [{ code: 'CONFLICT_EXISTING_CASE' }] });
  });

  it('re-uploading the same file changes nothing; a different row under a known external id is a conflict', async () => {
    const rows = [probationerRow('R-1', o.A, '2025-12-01'), probationerRow('R-2', o.A, '2025-12-02')];
    expect((await upload(toCsv(rows))).body).toMatchObject({ imported: 2 });
    const before = await counts();
    const again = (await upload(toCsv(rows))).body;
    expect(again).toMatchObject({ imported: 0, unchanged: 2, refused: 0 });
    expect(await counts()).toEqual(before);
    const changed = (await upload(toCsv([{ ...rows[0], cellInFavour: '7' }]))).body;
    expect(changed.items[0]).toMatchObject({ status: 'refused', errors: [{ code: 'CONFLICT_EXISTING_CASE', field: 'externalId' }] });
    expect(await counts()).toEqual(before);
    // The report can be read again.
    expect((await t.http.get(`${API}/imports/${again.importId}`).expect(200)).body).toMatchObject({ unchanged: 2, rows: 2 });
  });

  it('takes JSON as well, and refuses what is not a file of rows', async () => {
    const row = probationerRow('J-1', o.A, '2025-12-01');
    const res = await finished(t, await t.http.post(`${API}/imports`).send({ historical: false, rows: [row] }));
    expect(res).toMatchObject({ format: 'json', imported: 1 });
    expect((await t.http.post(`${API}/imports`).send({ rows: 'nope' }).expect(400)).body.fields[0].field).toBe('rows');
    expect((await t.http.post(`${API}/imports`).set('Content-Type', 'text/csv').send('"unbalanced,quote\n').expect(400)).body.fields[0].field).toBe('file');
    expect((await t.http.post(`${API}/imports`).set('Content-Type', 'text/csv').send('a,b\n1,2\n').expect(400)).body.fields[0].field).toBe('file');
    const staff = await account(t, 'bt.nhaplieu', o.A, ['cell_secretary']);
    expect((await staff.agent.post(`${API}/imports`).send({ rows: [row] })).body).toMatchObject({ code: 'FORBIDDEN', permission: 'imports.run' });
  });
});
