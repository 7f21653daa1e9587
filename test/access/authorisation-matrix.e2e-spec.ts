import supertest from 'supertest';
import { EVENT_TYPES } from '@charterflow/procedure';
import { API, startTestApp, TestApp } from '../support/app';
import { CANDIDATE, openCase } from '../api/helpers';
import { account, createOrganisation, VALID_PAYLOADS } from './support';

type Agent = ReturnType<typeof supertest.agent>;

/**
 * The authorisation matrix: every account position × every event type and every read endpoint, against a case in
 * cell A of this tree (one account per position):
 *
 *   province P ─ commune C ─ grassroots G ─ cell A (the case), cell B (sibling)
 *                          └ grassroots G2 ─ cell A2
 *   province PX ─ commune CX ─ grassroots GX ─ cell X
 *
 * Expected answers follow from two tables: EVENT_PERMISSIONS (which body records each event) and the subtree rule
 * (an account sees its organisation's subtree; outside it a case does not exist). Writes probe with a stale
 * If-Match, so an account that passes authorisation gets 409 VERSION_CONFLICT and nothing is ever written.
 */
const POSITIONS = [
  { key: 'secA', label: 'secretary of the case’s cell', at: 'A', roles: ['cell_secretary'] },
  { key: 'secB', label: 'secretary of a sibling cell', at: 'B', roles: ['cell_secretary'] },
  { key: 'offG', label: 'officer of the cell’s grassroots committee', at: 'G', roles: ['grassroots_officer'] },
  { key: 'offG2', label: 'officer of a sibling grassroots committee', at: 'G2', roles: ['grassroots_officer'] },
  { key: 'supC', label: 'board of the competent commune committee', at: 'C', roles: ['superior_officer'] },
  { key: 'supP', label: 'board of the province (parent of the competent body)', at: 'P', roles: ['superior_officer'] },
  { key: 'insC', label: 'inspector of the commune', at: 'C', roles: ['inspector'] },
  { key: 'admC', label: 'admin of the commune', at: 'C', roles: ['admin'] },
  { key: 'secX', label: 'secretary of a cell in another province', at: 'X', roles: ['cell_secretary'] },
  { key: 'supCX', label: 'board of a commune in another province', at: 'CX', roles: ['superior_officer'] },
  { key: 'admPX', label: 'admin of another province', at: 'PX', roles: ['admin'] },
] as const;
type PositionKey = (typeof POSITIONS)[number]['key'];

/** Who sees cell A: every account whose organisation is A or above it. */
const SEES_CASE: readonly PositionKey[] = ['secA', 'offG', 'supC', 'supP', 'insC', 'admC'];

/** Who records each event on a case of cell A (an ordinary cell of a non-authorised grassroots committee). */
const CELL: readonly PositionKey[] = ['secA', 'admC'];
const GRASSROOTS: readonly PositionKey[] = ['offG', 'admC'];
const CELL_OR_GRASSROOTS: readonly PositionKey[] = ['secA', 'offG', 'admC'];
const COMPETENT: readonly PositionKey[] = ['supC', 'admC'];
const GRASSROOTS_OR_COMPETENT: readonly PositionKey[] = ['offG', 'supC', 'admC'];
const RECORDERS: Record<string, readonly PositionKey[]> = {
  CASE_OPENED: [],
  AWARENESS_CERTIFICATE_RECORDED: CELL_OR_GRASSROOTS,
  DOSSIER_OPENED: GRASSROOTS,
  APPLICATION_FILED: CELL,
  BIOGRAPHY_FILED: CELL,
  VERIFICATION_REQUESTED: CELL_OR_GRASSROOTS,
  VERIFICATION_REPLIED: CELL_OR_GRASSROOTS,
  BIOGRAPHY_CERTIFIED: GRASSROOTS,
  POLITICAL_ISSUE_CONCLUDED: COMPETENT,
  SPONSOR_ADDED: CELL,
  INTRODUCING_RESOLUTION_RECORDED: CELL,
  OPINIONS_RECORDED: CELL,
  CONSENT_RECORDED: COMPETENT,
  CELL_VOTE_RECORDED: CELL,
  GRASSROOTS_VOTE_RECORDED: GRASSROOTS,
  ADMISSION_DECIDED: COMPETENT,
  DEADLINE_EXTENDED: COMPETENT,
  CEREMONY_HELD: CELL,
  MEMBER_RECORDS_FILED: CELL_OR_GRASSROOTS,
  NEW_MEMBER_CLASS_COMPLETED: CELL_OR_GRASSROOTS,
  PROBATION_ENDED: [],
  SELF_REVIEW_SUBMITTED: CELL,
  HELPER_ASSESSMENT_SUBMITTED: CELL,
  RECOGNITION_OPINIONS_RECORDED: CELL,
  RECOGNITION_CELL_VOTE_RECORDED: CELL,
  RECOGNITION_GRASSROOTS_VOTE_RECORDED: GRASSROOTS,
  RECOGNITION_DECIDED: COMPETENT,
  RECOGNITION_ANNOUNCED: CELL,
  MEMBER_CARD_HANDED_OVER: CELL_OR_GRASSROOTS,
  WITHDRAWN: CELL_OR_GRASSROOTS,
  HELPER_CHANGED: CELL,
  TRANSFERRED: GRASSROOTS_OR_COMPETENT,
  TRANSFER_DOSSIER_RECEIVED: COMPETENT,
  ADMISSION_ANNULLED: COMPETENT,
  RECOGNITION_ANNULLED: COMPETENT,
};

const PAYLOADS: Record<string, Record<string, unknown>> = { ...VALID_PAYLOADS, CASE_OPENED: { candidate: CANDIDATE } };

describe('authorisation matrix (real PostgreSQL)', () => {
  let t: TestApp;
  const orgs: Record<string, string> = {};
  const agents = {} as Record<PositionKey, Agent>;
  let caseId: string;
  let caseVersion: number;

  beforeAll(async () => {
    t = await startTestApp({ today: '2026-01-05' });
    const org = async (key: string, body: Record<string, unknown>) => (orgs[key] = await createOrganisation(t, body));
    await org('P', { name: 'Tỉnh ủy Ma trận', kind: 'province' });
    await org('C', { name: 'Đảng ủy phường Ma trận', kind: 'commune', parentId: orgs.P });
    await org('G', { name: 'Đảng ủy Công ty Ma trận', kind: 'grassroots', parentId: orgs.C });
    await org('A', { name: 'Chi bộ A', kind: 'cell', parentId: orgs.G });
    await org('B', { name: 'Chi bộ B', kind: 'cell', parentId: orgs.G });
    await org('G2', { name: 'Đảng ủy Trường Ma trận', kind: 'grassroots', parentId: orgs.C });
    await org('A2', { name: 'Chi bộ A2', kind: 'cell', parentId: orgs.G2 });
    await org('PX', { name: 'Tỉnh ủy Khác', kind: 'province' });
    await org('CX', { name: 'Đảng ủy xã Khác', kind: 'commune', parentId: orgs.PX });
    await org('GX', { name: 'Đảng ủy cơ sở Khác', kind: 'grassroots', parentId: orgs.CX });
    await org('X', { name: 'Chi bộ X', kind: 'cell', parentId: orgs.GX });
    // A transfer names a real cell (any province): the destination is checked before the case is read.
    PAYLOADS.TRANSFERRED = { ...PAYLOADS.TRANSFERRED, toOrganisationId: orgs.X };
    for (const p of POSITIONS) agents[p.key] = (await account(t, `m.${p.key.toLowerCase()}`, orgs[p.at], [...p.roles])).agent;
    const c = await openCase(t.http, orgs.A, '2026-01-05', { fullName: 'Lê Thị Ma Trận' });
    caseId = c.id;
    caseVersion = c.version;
  }); // eleven accounts, each hashed (scrypt) and logged in
  afterAll(() => t?.close());

  describe('recording events: 409 (passed authorisation, stale If-Match) for the named body, 403 for others who see the case, 404 for those who do not', () => {
    const cells = EVENT_TYPES.flatMap((type) => POSITIONS.map((p) => [type, p.key, p.label] as const));
    it.each(cells)('%s by %s (%s)', async (type, key) => {
      const res = await agents[key]
        .post(`${API}/cases/${caseId}/events`)
        .set('If-Match', '"999"')
        .send({ type, occurredOn: '2026-01-05', ...PAYLOADS[type] });
      if (!SEES_CASE.includes(key)) {
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('NOT_FOUND');
      } else if (RECORDERS[type].includes(key)) {
        expect(res.status).toBe(409);
        expect(res.body.code).toBe('VERSION_CONFLICT');
      } else {
        expect(res.status).toBe(403);
        // Inspectors are stopped by the route itself (they record nothing); the others by the event's table entry.
        expect(res.body).toMatchObject({ code: 'FORBIDDEN', permission: key === 'insC' ? 'cases.record' : type });
      }
    });

    it('wrote nothing while probing', async () => {
      const c = await t.http.get(`${API}/cases/${caseId}`).expect(200);
      expect(c.body.version).toBe(caseVersion);
      expect((await t.http.get(`${API}/cases/${caseId}/events`).expect(200)).body).toHaveLength(1);
    });
  });

  describe('reading: the case and everything about it exists only inside the reader’s subtree', () => {
    it.each(POSITIONS.map((p) => [p.key, p.label] as const))('%s (%s)', async (key) => {
      const agent = agents[key];
      const sees = SEES_CASE.includes(key);
      const expected = sees ? 200 : 404;
      expect((await agent.get(`${API}/cases/${caseId}`)).status).toBe(expected);
      expect((await agent.get(`${API}/cases/${caseId}/events`)).status).toBe(expected);
      expect((await agent.get(`${API}/cases/${caseId}/verify`)).status).toBe(expected);
      expect((await agent.get(`${API}/organisations/${orgs.A}`)).status).toBe(expected);
      expect((await agent.get(`${API}/cases`).query({ organisationId: orgs.A })).status).toBe(expected);
      expect((await agent.get(`${API}/notifications`).query({ organisationId: orgs.A })).status).toBe(expected);
      const listed = (await agent.get(`${API}/cases`).expect(200)).body.items.map((c: { id: string }) => c.id);
      expect(listed.includes(caseId)).toBe(sees);
      const searched = (await agent.get(`${API}/cases`).query({ q: 'ma trận' }).expect(200)).body.items.map((c: { id: string }) => c.id);
      expect(searched.includes(caseId)).toBe(sees);
      const organisations = (await agent.get(`${API}/organisations`).expect(200)).body.map((o: { id: string }) => o.id);
      expect(organisations.includes(orgs.A)).toBe(sees);
    });
  });

  describe('opening a case in cell A', () => {
    const OPENERS: readonly PositionKey[] = ['secA', 'offG', 'admC'];
    // Roles that may not open cases anywhere are refused by the route (403); the rest see cell A or not (400: no such cell).
    const ROUTE_DENIED: readonly PositionKey[] = ['supC', 'supP', 'insC', 'supCX'];
    it.each(POSITIONS.map((p) => [p.key, p.label] as const))('%s (%s)', async (key) => {
      const res = await agents[key].post(`${API}/cases`).send({ organisationId: orgs.A, occurredOn: '2026-01-05', candidate: CANDIDATE });
      if (OPENERS.includes(key)) expect(res.status).toBe(201);
      else if (ROUTE_DENIED.includes(key)) expect(res.body).toMatchObject({ code: 'FORBIDDEN', permission: 'cases.open' });
      else if (SEES_CASE.includes(key)) expect(res.body).toMatchObject({ code: 'FORBIDDEN', permission: 'CASE_OPENED' });
      else expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'organisationId' }] });
    });
  });

  describe('administration: organisations, accounts and the calendar belong to admins of the subtree', () => {
    it.each(POSITIONS.map((p) => [p.key, p.label] as const))('%s (%s)', async (key) => {
      const agent = agents[key];
      const isAdmin = key === 'admC' || key === 'admPX';
      const newCell = await agent.post(`${API}/organisations`).send({ name: `Chi bộ mới ${key}`, kind: 'cell', parentId: orgs.G });
      const newUser = await agent.post(`${API}/users`).send({ username: `new.${key.toLowerCase()}`, password: 'mat-khau-moi-1', fullName: 'Lê Văn Mới', organisationId: orgs.A, roles: ['cell_secretary'] });
      const users = await agent.get(`${API}/users`);
      const calendar = await agent.put(`${API}/calendar/2031`).send({ daysOff: [], workingDays: [], source: 'test' });
      // A province's own calendar: only an administrator whose subtree holds the province.
      const provinceCalendar = await agent.put(`${API}/calendar/2031`).query({ organisationId: orgs.PX }).send({ daysOff: [], workingDays: [], source: 'test' });
      const webhooks = await agent.get(`${API}/webhooks`).query({ organisationId: orgs.A });
      if (key === 'admC') {
        expect([newCell.status, newUser.status, users.status, webhooks.status]).toEqual([201, 201, 200, 200]);
        // The national calendar belongs to administrators over the whole tree only; PX is not in its subtree.
        expect([calendar.status, provinceCalendar.status]).toEqual([403, 404]);
        expect(calendar.body.permission).toBe('calendar.national');
      } else if (key === 'admPX') {
        // An admin elsewhere: allowed by role, but cell A's branch does not exist for it.
        expect([newCell.status, newUser.status, users.status, webhooks.status]).toEqual([400, 400, 200, 404]);
        expect([calendar.status, provinceCalendar.status]).toEqual([403, 200]);
        expect(newCell.body.fields[0].field).toBe('parentId');
        expect(newUser.body.fields[0].field).toBe('organisationId');
        // It sees the accounts of its own province only.
        expect(users.body.map((u: { username: string }) => u.username)).toEqual(['m.admpx', 'm.secx', 'm.supcx']);
      } else {
        expect(isAdmin).toBe(false);
        for (const res of [newCell, newUser, users, calendar, provinceCalendar]) expect(res.status).toBe(403);
        expect(newCell.body.permission).toBe('organisations.manage');
        expect(newUser.body.permission).toBe('users.manage');
        const webhookReaders: readonly PositionKey[] = ['offG', 'supC', 'supP', 'insC'];
        const expectedWebhooks = webhookReaders.includes(key) ? 200 : ['offG2', 'supCX'].includes(key) ? 404 : 403;
        expect(webhooks.status).toBe(expectedWebhooks);
      }
    });
  });

  describe('the competent body depends on the tree', () => {
    let authorisedCase: string;
    let villageCase: string;
    const posts = (agent: Agent, id: string, type: string) =>
      agent.post(`${API}/cases/${id}/events`).set('If-Match', '"999"').send({ type, occurredOn: '2026-01-05', ...VALID_PAYLOADS[type] });
    let offGA: Agent;

    beforeAll(async () => {
      const ga = await createOrganisation(t, { name: 'Đảng ủy Tổng công ty', kind: 'grassroots', parentId: orgs.C, authorisedToAdmit: true });
      const cellGA = await createOrganisation(t, { name: 'Chi bộ Phân xưởng', kind: 'cell', parentId: ga });
      const village = await createOrganisation(t, { name: 'Chi bộ thôn Đông', kind: 'cell', parentId: orgs.C });
      offGA = (await account(t, 'm.offga', ga, ['grassroots_officer'])).agent;
      authorisedCase = (await openCase(t.http, cellGA)).id;
      villageCase = (await openCase(t.http, village)).id;
    });

    it('an authorised grassroots committee decides admission and recognition; the commune board then may not', async () => {
      for (const type of ['ADMISSION_DECIDED', 'RECOGNITION_DECIDED', 'DEADLINE_EXTENDED']) {
        expect((await posts(offGA, authorisedCase, type)).status).toBe(409);
        expect((await posts(agents.supC, authorisedCase, type)).body).toMatchObject({ code: 'FORBIDDEN', permission: type, requiredRoles: ['grassroots_officer'] });
      }
    });

    it('for a village cell directly under the commune, the commune board records the grassroots steps and decides', async () => {
      for (const type of ['DOSSIER_OPENED', 'BIOGRAPHY_CERTIFIED', 'ADMISSION_DECIDED']) expect((await posts(agents.supC, villageCase, type)).status).toBe(409);
      expect((await posts(agents.offG, villageCase, 'DOSSIER_OPENED')).status).toBe(404);
    });
  });
});
