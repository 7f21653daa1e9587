import { API, startTestApp, TestApp } from '../support/app';
import { caseInCellReview, recordOn } from '../api/helpers';
import { account, createOrganisation } from '../access/support';

/** GET /audit/deadlines: late and missed limits with how late, scoped like every read. */
describe('audit of time limits (real PostgreSQL)', () => {
  let t: TestApp;
  const o: Record<string, string> = {};
  let caseId: string;

  beforeAll(async () => {
    t = await startTestApp({ today: '2026-01-14' });
    o.P = await createOrganisation(t, { name: 'Tỉnh ủy Kiểm tra', kind: 'province' });
    o.C = await createOrganisation(t, { name: 'Đảng ủy phường Kiểm tra', kind: 'commune', parentId: o.P });
    o.G = await createOrganisation(t, { name: 'Đảng ủy cơ sở Kiểm tra', kind: 'grassroots', parentId: o.C });
    o.A = await createOrganisation(t, { name: 'Chi bộ Kiểm tra', kind: 'cell', parentId: o.G });
    o.PX = await createOrganisation(t, { name: 'Tỉnh ủy Khác', kind: 'province' });
    const c = await caseInCellReview(t.http, o.A);
    caseId = c.id;
    await recordOn(t, caseId, 'CELL_VOTE_RECORDED', '2026-01-15', { fullMembers: 9, excluded: 0, inFavour: 6 });
    await recordOn(t, caseId, 'GRASSROOTS_VOTE_RECORDED', '2026-02-02', { committeeMembers: 9, inFavour: 6 });
  });
  afterAll(() => t?.close());

  // Other suites share the database: look at this province only, unless a test names another organisation.
  const missed = (agent = t.http, query: Record<string, string> = {}) => agent.get(`${API}/audit/deadlines`).query({ status: 'missed', organisationId: o.P, ...query });

  it('the 45-working-day decision limit is not late on its last day, is overdue the next working day, and says how late', async () => {
    t.setToday('2026-03-26');
    expect((await missed().expect(200)).body.items.filter((d: { caseId: string }) => d.caseId === caseId)).toEqual([]);
    t.setToday('2026-03-27');
    const page = (await missed().expect(200)).body;
    expect(page.asOf).toBe('2026-03-27');
    expect(page.items).toEqual([
      expect.objectContaining({
        caseId,
        organisationId: o.A,
        kind: 'ADMISSION_DECISION',
        dueOn: '2026-03-26',
        status: 'open',
        closedOn: null,
        overdue: true,
        workingDaysLate: 1,
        label: { vi: expect.stringContaining('kết nạp'), en: expect.any(String) },
        source: expect.stringContaining('QĐ294'),
      }),
    ]);
  });

  it('a decision recorded late closes the limit as missed, with the working days late at closing', async () => {
    t.setToday('2026-03-30');
    await t.http
      .post(`${API}/cases/${caseId}/events`)
      .send({ type: 'ADMISSION_DECIDED', occurredOn: '2026-03-30', decisionNo: 'QĐ-9', standingMembers: 7, inFavour: 4, receivedOn: '2026-03-30' })
      .expect(200);
    t.setToday('2026-04-10');
    const items = (await missed().expect(200)).body.items;
    expect(items).toEqual([expect.objectContaining({ kind: 'ADMISSION_DECISION', status: 'missed', closedOn: '2026-03-30', workingDaysLate: 2, overdue: false })]);
    // Met limits are not listed as missed, but are with status=met.
    const met = (await t.http.get(`${API}/audit/deadlines`).query({ status: 'met', organisationId: o.P }).expect(200)).body.items;
    expect(met.map((d: { kind: string }) => d.kind)).not.toContain('ADMISSION_DECISION');
    expect(met.every((d: { status: string }) => d.status === 'met')).toBe(true);
  });

  it('is scoped: an inspector of the commune sees it, an admin of another province does not, and a foreign organisation is 404', async () => {
    const inspector = await account(t, 'kt.phuong', o.C, ['inspector']);
    const other = await account(t, 'qt.khac', o.PX, ['admin']);
    expect((await missed(inspector.agent, { organisationId: o.C }).expect(200)).body.items).toHaveLength(1);
    expect((await other.agent.get(`${API}/audit/deadlines`).expect(200)).body.items).toEqual([]);
    expect((await missed(other.agent, { organisationId: o.A })).status).toBe(404);
    expect((await missed(inspector.agent, { organisationId: o.A }).expect(200)).body.items).toHaveLength(1);
  });

  it('validates its query', async () => {
    const res = await t.http.get(`${API}/audit/deadlines`).query({ status: 'late', kind: 'NOPE', dueFrom: '2026-02-30', limit: 0 }).expect(400);
    expect(res.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['dueFrom', 'kind', 'limit', 'status']);
  });
});
