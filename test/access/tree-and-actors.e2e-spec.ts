import { DataSource } from 'typeorm';
import { runSetup } from '../../apps/api/src/cli/setup';
import { API, startTestApp, TestApp } from '../support/app';
import { TEST_DATABASE_URL } from '../support/database';
import { CANDIDATE, SPONSOR } from '../api/helpers';
import { account, createOrganisation, fullNameOf } from './support';

describe('the tree, the recorded actor and first-run setup (real PostgreSQL)', () => {
  let t: TestApp;
  const o: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({ today: '2026-01-05' });
    o.P = await createOrganisation(t, { name: 'Tỉnh ủy Cây', kind: 'province' });
    o.C = await createOrganisation(t, { name: 'Đảng ủy phường Cây', kind: 'commune', parentId: o.P });
    o.G = await createOrganisation(t, { name: 'Đảng ủy Bệnh viện', kind: 'grassroots', parentId: o.C });
    o.G2 = await createOrganisation(t, { name: 'Đảng ủy Trường học', kind: 'grassroots', parentId: o.C });
    o.A = await createOrganisation(t, { name: 'Chi bộ Khoa Nội', kind: 'cell', parentId: o.G });
  });
  afterAll(() => t?.close());

  it('records every step with the actor that recorded it (id, name, organisation, roles), inside the hash chain', async () => {
    const secretary = await account(t, 'bt.khoanoi', o.A, ['cell_secretary']);
    const officer = await account(t, 'vp.benhvien', o.G, ['grassroots_officer']);
    const board = await account(t, 'tc.phuong', o.C, ['superior_officer']);
    const as = (who: typeof secretary, day: string, type: string, body: Record<string, unknown> = {}) => {
      t.setToday(day);
      return who.agent.post(`${API}/cases/${caseId}/events`).send({ type, occurredOn: day, ...body }).expect(200);
    };
    t.setToday('2026-01-05');
    const opened = await secretary.agent.post(`${API}/cases`).send({ organisationId: o.A, occurredOn: '2026-01-05', candidate: CANDIDATE }).expect(201);
    const caseId = opened.body.id as string;
    await as(secretary, '2026-01-06', 'AWARENESS_CERTIFICATE_RECORDED', { certificateNo: 'CN-1', issuedOn: '2026-01-06', issuer: 'Trung tâm chính trị' });
    await as(officer, '2026-01-07', 'DOSSIER_OPENED', { resolutionNo: 'NQ-1' });
    await as(secretary, '2026-01-07', 'APPLICATION_FILED');
    await as(secretary, '2026-01-07', 'BIOGRAPHY_FILED');
    await as(officer, '2026-01-08', 'BIOGRAPHY_CERTIFIED', { politicalIssue: false });
    await as(secretary, '2026-01-08', 'INTRODUCING_RESOLUTION_RECORDED', { body: 'youth_union', resolutionNo: 'NQ-DTN-1' });
    await as(secretary, '2026-01-08', 'SPONSOR_ADDED', { sponsor: SPONSOR });
    await as(secretary, '2026-01-09', 'OPINIONS_RECORDED', { organisations: ['Công đoàn'], residenceCell: true });
    await as(secretary, '2026-01-15', 'CELL_VOTE_RECORDED', { fullMembers: 9, excluded: 0, inFavour: 6 });
    await as(officer, '2026-02-02', 'GRASSROOTS_VOTE_RECORDED', { committeeMembers: 9, inFavour: 6 });
    const decided = await as(board, '2026-02-10', 'ADMISSION_DECIDED', { decisionNo: 'QĐ-1', standingMembers: 7, inFavour: 4, receivedOn: '2026-02-10' });
    expect(decided.body.state).toBe('awaitingCeremony');

    const events = (await t.http.get(`${API}/cases/${caseId}/events`).expect(200)).body as { type: string; actor: Record<string, unknown> }[];
    const actorOf = (type: string) => events.find((e) => e.type === type)?.actor;
    // The recorded actor, and the names read beside it (ADR 0020).
    const named = (fullName: string, organisationName: string) => ({ fullName, title: null, organisationName });
    expect(actorOf('CASE_OPENED')).toEqual({ kind: 'user', userId: secretary.id, username: 'bt.khoanoi', organisationId: o.A, roles: ['cell_secretary'], ...named(fullNameOf('bt.khoanoi'), 'Chi bộ Khoa Nội') });
    expect(actorOf('DOSSIER_OPENED')).toEqual({ kind: 'user', userId: officer.id, username: 'vp.benhvien', organisationId: o.G, roles: ['grassroots_officer'], ...named(fullNameOf('vp.benhvien'), 'Đảng ủy Bệnh viện') });
    expect(actorOf('ADMISSION_DECIDED')).toEqual({ kind: 'user', userId: board.id, username: 'tc.phuong', organisationId: o.C, roles: ['superior_officer'], ...named(fullNameOf('tc.phuong'), 'Đảng ủy phường Cây') });
    expect((await t.http.get(`${API}/cases/${caseId}/verify`).expect(200)).body).toEqual({ valid: true, events: 12, expectedEvents: 12, checked: expect.arrayContaining(['event_hashes', 'case_head']) });

    // The actor is part of the hashed content: rewriting who recorded a step breaks the chain at that step.
    const db = t.app.get(DataSource);
    const seq = events.findIndex((e) => e.type === 'ADMISSION_DECIDED') + 1;
    await db.transaction(async (m) => {
      await m.query(`SET LOCAL session_replication_role = replica`);
      await m.query(`UPDATE case_events SET actor = jsonb_set(actor, '{username}', '"someone.else"') WHERE case_id = $1 AND seq = $2`, [caseId, seq]);
    });
    expect((await t.http.get(`${API}/cases/${caseId}/verify`).expect(200)).body).toMatchObject({ valid: false, brokenAtSeq: seq });
  });

  it('moving a cell to another grassroots committee keeps its cases and their history; access follows the new place', async () => {
    const officerG = await account(t, 'vp.g', o.G, ['grassroots_officer']);
    const officerG2 = await account(t, 'vp.g2', o.G2, ['grassroots_officer']);
    t.setToday('2026-01-05');
    const cell = await createOrganisation(t, { name: 'Chi bộ Khoa Ngoại', kind: 'cell', parentId: o.G });
    const c = (await t.http.post(`${API}/cases`).send({ organisationId: cell, occurredOn: '2026-01-05', candidate: CANDIDATE }).expect(201)).body;
    await t.http.post(`${API}/cases/${c.id}/events`).send({ type: 'AWARENESS_CERTIFICATE_RECORDED', occurredOn: '2026-01-05', certificateNo: 'CN-9', issuedOn: '2026-01-05', issuer: 'Trung tâm' }).expect(200);
    const before = (await t.http.get(`${API}/cases/${c.id}/events`).expect(200)).body;
    await officerG.agent.get(`${API}/cases/${c.id}`).expect(200);
    await officerG2.agent.get(`${API}/cases/${c.id}`).expect(404);

    const moved = await t.http.patch(`${API}/organisations/${cell}`).send({ parentId: o.G2 }).expect(200);
    expect(moved.body).toMatchObject({ id: cell, parentId: o.G2, path: `/${o.P}/${o.C}/${o.G2}/${cell}/` });

    expect((await t.http.get(`${API}/cases/${c.id}/events`).expect(200)).body).toEqual(before);
    expect((await t.http.get(`${API}/cases/${c.id}/verify`).expect(200)).body).toEqual({ valid: true, events: 2, expectedEvents: 2, checked: expect.arrayContaining(['event_hashes', 'case_head']) });
    await officerG.agent.get(`${API}/cases/${c.id}`).expect(404);
    await officerG2.agent.get(`${API}/cases/${c.id}`).expect(200);
    // The new grassroots committee now opens the dossier; the old one may not.
    await officerG.agent.post(`${API}/cases/${c.id}/events`).send({ type: 'DOSSIER_OPENED', occurredOn: '2026-01-06', resolutionNo: 'NQ-5' }).expect(404);
    t.setToday('2026-01-06');
    await officerG2.agent.post(`${API}/cases/${c.id}/events`).send({ type: 'DOSSIER_OPENED', occurredOn: '2026-01-06', resolutionNo: 'NQ-5' }).expect(200);
  });

  it('refuses moves that break the hierarchy or loop, and renames', async () => {
    const cell = await createOrganisation(t, { name: 'Chi bộ Tạm', kind: 'cell', parentId: o.G });
    expect((await t.http.patch(`${API}/organisations/${o.G}`).send({ parentId: cell })).body).toMatchObject({ code: 'RULE_VIOLATION', rule: 'ORGANISATION_HIERARCHY' });
    expect((await t.http.patch(`${API}/organisations/${o.C}`).send({ parentId: o.G })).body).toMatchObject({ code: 'RULE_VIOLATION', rule: 'ORGANISATION_HIERARCHY' });
    expect((await t.http.patch(`${API}/organisations/${cell}`).send({ parentId: '00000000-0000-4000-8000-000000000000' })).status).toBe(400);
    const renamed = await t.http.patch(`${API}/organisations/${cell}`).send({ name: 'Chi bộ Khoa Nhi' }).expect(200);
    expect(renamed.body).toMatchObject({ name: 'Chi bộ Khoa Nhi', parentId: o.G });
    // An admin cannot move the organisation it is attached to.
    const adminG = await account(t, 'qt.g', o.G, ['admin']);
    expect((await adminG.agent.patch(`${API}/organisations/${o.G}`).send({ parentId: o.C })).status).toBe(200); // same parent: nothing to move
    expect((await adminG.agent.patch(`${API}/organisations/${o.G}`).send({ parentId: o.P })).body).toMatchObject({ code: 'FORBIDDEN', permission: 'organisations.move' });
    // …nor move a node of its subtree out of it.
    expect((await adminG.agent.patch(`${API}/organisations/${cell}`).send({ parentId: o.G2 })).body).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'parentId' }] });
  });

  it('first-run setup creates the first province and its administrator, who can then log in', async () => {
    const env = { DATABASE_URL: TEST_DATABASE_URL, LOG_LEVEL: 'silent', SETUP_PASSWORD: 'mat-khau-tinh-uy-1' };
    const first = await runSetup(['--province', 'Tỉnh ủy Khởi tạo', '--username', 'qt.khoitao'], env);
    expect(first.createdProvince).toBe(true);
    const admin = await t.as('qt.khoitao', 'mat-khau-tinh-uy-1');
    const me = await admin.get(`${API}/auth/me`).expect(200);
    expect(me.body).toMatchObject({ username: 'qt.khoitao', organisationId: first.provinceId, roles: ['admin'] });
    expect((await admin.get(`${API}/organisations`).expect(200)).body.map((x: { id: string }) => x.id)).toEqual([first.provinceId]);
    // Again with the same province: reused; the same username is refused.
    const second = await runSetup(['--province', 'Tỉnh ủy Khởi tạo', '--username', 'qt.khoitao2', '--password', 'mat-khau-tinh-uy-2'], env);
    expect(second).toMatchObject({ provinceId: first.provinceId, createdProvince: false });
    await expect(runSetup(['--province', 'Tỉnh ủy Khởi tạo', '--username', 'qt.khoitao'], env)).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
    await expect(runSetup(['--province', 'Tỉnh ủy Khởi tạo'], env)).rejects.toThrow(/Usage/);
  });
});
