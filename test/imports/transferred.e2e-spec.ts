import { API, startTestApp, TestApp } from '../support/app';
import { createOrganisation } from '../access/support';
import { finished } from './finish';
import { probationerRow, toCsv } from './rows';

/** Imports accept a transferred case (ADR 0024): the row's cell is the destination; the transfer is in its history. */
describe('import of a transferred probationer (real PostgreSQL)', () => {
  let t: TestApp;
  const o: Record<string, string> = {};
  const upload = async (rows: Record<string, string>[]) => ({ body: await finished(t, await t.http.post(`${API}/imports`).set('Content-Type', 'text/csv').send(toCsv(rows))) });

  beforeAll(async () => {
    t = await startTestApp({ today: '2026-06-30' });
    o.P = await createOrganisation(t, { name: 'Tỉnh ủy Nơi đến', kind: 'province' });
    o.C = await createOrganisation(t, { name: 'Đảng ủy phường Nơi đến', kind: 'commune', parentId: o.P });
    o.G = await createOrganisation(t, { name: 'Đảng ủy cơ sở Nơi đến', kind: 'grassroots', parentId: o.C });
    o.A = await createOrganisation(t, { name: 'Chi bộ Nơi đến', kind: 'cell', parentId: o.G });
    o.B = await createOrganisation(t, { name: 'Chi bộ Khác', kind: 'cell', parentId: o.G });
  });
  afterAll(() => t?.close());

  it('the transfer, the new helper and its own cell: imported in probation, the history replayed with the move', async () => {
    // Ceremony 2026-01-24 (probationerRow); transferred in March, a new helper a week later.
    const row = {
      ...probationerRow('T-1', o.A, '2025-12-01'),
      transferredOn: '2026-03-02',
      transferDecisionNo: 'QĐ-ĐĐ-7',
      transferAssessmentOn: '2026-02-27',
      helperChangedOn: '2026-03-09',
      newHelperName: 'Vũ Thị Lan',
    };
    const res = await upload([row]);
    expect(res.body).toMatchObject({ imported: 1, refused: 0 });
    const item = res.body.items[0];
    expect(item.state).toBe('probation');
    const c = (await t.http.get(`${API}/cases/${item.caseId}`).expect(200)).body;
    expect(c.organisationId).toBe(o.A);
    expect(c.facts.transfers).toEqual([expect.objectContaining({ on: '2026-03-02', toOrganisationId: o.A, stage: 'probation', previousAssessmentOn: '2026-02-27' })]);
    const events = (await t.http.get(`${API}/cases/${item.caseId}/events`).expect(200)).body as { type: string }[];
    expect(events.map((e) => e.type).slice(-3)).toEqual(['MEMBER_RECORDS_FILED', 'TRANSFERRED', 'HELPER_CHANGED']);
  });

  it('a transfer to another cell than the row’s is refused, naming the column', async () => {
    const row = { ...probationerRow('T-2', o.A, '2025-12-01'), transferredOn: '2026-03-02', transferDecisionNo: 'QĐ-ĐĐ-8', transferredTo: o.B };
    const res = await upload([row]);
    expect(res.body).toMatchObject({ imported: 0, refused: 1 });
    expect(JSON.stringify(res.body.items[0])).toContain('transferredTo');
  });
});
