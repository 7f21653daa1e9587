import supertest from 'supertest';
import { DataSource } from 'typeorm';
import { runSetup } from '../../apps/api/src/cli/setup';
import { API, startTestApp, TestApp } from '../support/app';
import { TEST_DATABASE_URL } from '../support/database';
import { account, createOrganisation, fullNameOf, STAFF_PASSWORD } from './support';

type Agent = ReturnType<typeof supertest.agent>;

const fieldsOf = (body: { fields?: { field: string; message: string }[] }) => (body.fields ?? []).map((f) => f.field);

/** Accounts with a full name and a title: create, read, change, reset a password (real PostgreSQL). */
describe('accounts with a full name and a title', () => {
  let t: TestApp;
  const o: Record<string, string> = {};
  let provinceAdmin: { id: string; agent: Agent };

  beforeAll(async () => {
    t = await startTestApp({ today: '2026-01-05' });
    o.P = await createOrganisation(t, { name: 'Tỉnh ủy Tên Gọi', kind: 'province' });
    o.C = await createOrganisation(t, { name: 'Đảng ủy phường Tên Gọi', kind: 'commune', parentId: o.P });
    o.G = await createOrganisation(t, { name: 'Đảng ủy Trường Tên Gọi', kind: 'grassroots', parentId: o.C });
    o.A = await createOrganisation(t, { name: 'Chi bộ Giáo viên Tên Gọi', kind: 'cell', parentId: o.G });
    o.P2 = await createOrganisation(t, { name: 'Tỉnh ủy Bên Cạnh', kind: 'province' });
    o.A2 = await createOrganisation(t, {
      name: 'Chi bộ Bên Cạnh',
      kind: 'cell',
      parentId: await createOrganisation(t, {
        name: 'Đảng ủy cơ sở Bên Cạnh',
        kind: 'grassroots',
        parentId: await createOrganisation(t, { name: 'Đảng ủy phường Bên Cạnh', kind: 'commune', parentId: o.P2 }),
      }),
    });
    provinceAdmin = await account(t, 'qt.tengoi', o.P, ['admin']);
  });
  afterAll(() => t?.close());

  const create = (agent: Agent, body: Record<string, unknown>) =>
    agent.post(`${API}/users`).send({ password: STAFF_PASSWORD, organisationId: o.A, roles: ['cell_secretary'], ...body });

  it('creates an account with its full name and title, shown (with its unit’s name) by GET /users, GET /users/{id}, the login and GET /auth/me', async () => {
    const created = await create(provinceAdmin.agent, { username: 'bt.lan', fullName: 'Nguyễn Thị Lan', title: 'Bí thư chi bộ' }).expect(201);
    const names = { fullName: 'Nguyễn Thị Lan', title: 'Bí thư chi bộ', organisationName: 'Chi bộ Giáo viên Tên Gọi' };
    expect(created.body).toMatchObject({ username: 'bt.lan', ...names, organisationId: o.A, roles: ['cell_secretary'] });
    const id = created.body.id as string;
    expect((await provinceAdmin.agent.get(`${API}/users/${id}`).expect(200)).body).toMatchObject(names);
    const listed = (await provinceAdmin.agent.get(`${API}/users?organisationId=${o.A}`).expect(200)).body as { id: string }[];
    expect(listed.find((u) => u.id === id)).toMatchObject(names);

    const login = await t.anonymous.post(`${API}/auth/login`).send({ username: 'bt.lan', password: STAFF_PASSWORD }).expect(200);
    expect(login.body.user).toMatchObject(names);
    const me = await t.anonymous.get(`${API}/auth/me`).set('Authorization', `Bearer ${login.body.accessToken as string}`).expect(200);
    expect(me.body).toEqual({
      userId: id,
      username: 'bt.lan',
      fullName: 'Nguyễn Thị Lan',
      title: 'Bí thư chi bộ',
      organisationId: o.A,
      organisationName: 'Chi bộ Giáo viên Tên Gọi',
      roles: ['cell_secretary'],
    });
  });

  it('stores the name in NFC with white space collapsed; a title left out or blank is none', async () => {
    const decomposed = await create(provinceAdmin.agent, { username: 'bt.nfc', fullName: '  Tra\u0302\u0300n   Va\u0306n\nHu\u031bng ', title: '   ' }).expect(201);
    expect(decomposed.body).toMatchObject({ fullName: 'Trần Văn Hưng', title: null });
    const noTitle = await create(provinceAdmin.agent, { username: 'bt.notitle', fullName: 'Lê Thị Mai' }).expect(201);
    expect(noTitle.body.title).toBeNull();
  });

  it('a full name of 200 characters is accepted and 201 refused (400 naming fullName); a missing, blank or null one too, and a title of 201; nothing is written', async () => {
    const exactly200 = `${'Nguyễn Thị Lan '.repeat(14).slice(0, 199)}a`;
    expect([...exactly200].length).toBe(200);
    await create(provinceAdmin.agent, { username: 'bt.dai200', fullName: exactly200 }).expect(201);
    const refusals: [string, Record<string, unknown>, string][] = [
      ['bt.dai201', { fullName: `${exactly200}b` }, 'fullName'],
      ['bt.thieu', {}, 'fullName'],
      ['bt.trong', { fullName: '   ' }, 'fullName'],
      ['bt.null', { fullName: null }, 'fullName'],
      ['bt.so', { fullName: 12 }, 'fullName'],
      ['bt.chucvu', { fullName: 'Lê Văn Tám', title: 'c'.repeat(201) }, 'title'],
    ];
    for (const [username, body, field] of refusals) {
      const res = await create(provinceAdmin.agent, { username, ...body }).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(fieldsOf(res.body)).toEqual([field]);
      await t.anonymous.post(`${API}/auth/login`).send({ username, password: STAFF_PASSWORD }).expect(401);
    }
    // A title of exactly 200 is fine.
    await create(provinceAdmin.agent, { username: 'bt.chucvu200', fullName: 'Lê Văn Tám', title: 'c'.repeat(200) }).expect(201);
  });

  it('PATCH /users/{id} changes the full name, the title (null removes it) and the roles; absent fields stay', async () => {
    const { id } = await account(t, 'vp.doi', o.G, ['grassroots_officer']);
    const renamed = await provinceAdmin.agent.patch(`${API}/users/${id}`).send({ fullName: 'Phạm Văn Đổi', title: 'Chánh Văn phòng Đảng ủy' }).expect(200);
    expect(renamed.body).toMatchObject({
      id,
      username: 'vp.doi',
      fullName: 'Phạm Văn Đổi',
      title: 'Chánh Văn phòng Đảng ủy',
      organisationName: 'Đảng ủy Trường Tên Gọi',
      roles: ['grassroots_officer'],
    });
    const rerolled = await provinceAdmin.agent.patch(`${API}/users/${id}`).send({ roles: ['grassroots_officer', 'inspector'] }).expect(200);
    expect(rerolled.body).toMatchObject({ fullName: 'Phạm Văn Đổi', title: 'Chánh Văn phòng Đảng ủy', roles: ['grassroots_officer', 'inspector'] });
    const untitled = await provinceAdmin.agent.patch(`${API}/users/${id}`).send({ title: null }).expect(200);
    expect(untitled.body).toMatchObject({ fullName: 'Phạm Văn Đổi', title: null, roles: ['grassroots_officer', 'inspector'] });
    expect((await provinceAdmin.agent.get(`${API}/users/${id}`).expect(200)).body).toMatchObject({ fullName: 'Phạm Văn Đổi', title: null });
    // The account itself sees its new name and roles at once.
    const officer = await t.as('vp.doi', STAFF_PASSWORD);
    expect((await officer.get(`${API}/auth/me`).expect(200)).body).toMatchObject({ fullName: 'Phạm Văn Đổi', roles: ['grassroots_officer', 'inspector'] });
  });

  it('PATCH refuses a blank, null or too long full name, roles that do not fit the organisation, unknown fields, and changes nothing', async () => {
    const { id } = await account(t, 'bt.giunguyen', o.A, ['cell_secretary']);
    const refusals: [Record<string, unknown>, string][] = [
      [{ fullName: '' }, 'fullName'],
      [{ fullName: null }, 'fullName'],
      [{ fullName: 'x'.repeat(201) }, 'fullName'],
      [{ title: 'y'.repeat(201) }, 'title'],
      [{ roles: ['superior_officer'] }, 'roles'],
      [{ roles: [] }, 'roles'],
      [{ username: 'doi.ten' }, 'username'],
    ];
    for (const [body, field] of refusals) {
      const res = await provinceAdmin.agent.patch(`${API}/users/${id}`).send(body).expect(400);
      expect(fieldsOf(res.body)).toContain(field);
    }
    expect((await provinceAdmin.agent.get(`${API}/users/${id}`).expect(200)).body).toMatchObject({
      username: 'bt.giunguyen',
      fullName: fullNameOf('bt.giunguyen'),
      title: null,
      roles: ['cell_secretary'],
    });
  });

  it('PATCH: an administrator may rename itself but not change its own roles; outside its subtree an account is 404; others may not patch', async () => {
    const renamedSelf = await provinceAdmin.agent.patch(`${API}/users/${provinceAdmin.id}`).send({ fullName: 'Hoàng Văn Quản', title: 'Phó Chánh Văn phòng' }).expect(200);
    expect(renamedSelf.body).toMatchObject({ fullName: 'Hoàng Văn Quản', title: 'Phó Chánh Văn phòng', roles: ['admin'] });
    const ownRoles = await provinceAdmin.agent.patch(`${API}/users/${provinceAdmin.id}`).send({ roles: ['admin', 'inspector'] }).expect(403);
    expect(ownRoles.body).toMatchObject({ code: 'FORBIDDEN', permission: 'users.changeOwnRoles' });

    const { id: neighbourId } = await account(t, 'bt.bencanh', o.A2, ['cell_secretary']);
    await provinceAdmin.agent.patch(`${API}/users/${neighbourId}`).send({ fullName: 'Chiếm Quyền' }).expect(404);
    expect((await t.http.get(`${API}/users/${neighbourId}`).expect(200)).body.fullName).toBe(fullNameOf('bt.bencanh'));

    const secretary = await account(t, 'bt.khongduoc', o.A, ['cell_secretary']);
    const refused = await secretary.agent.patch(`${API}/users/${secretary.id}`).send({ fullName: 'Tự Đổi Tên' }).expect(403);
    expect(refused.body.permission).toBe('users.manage');
  });

  it('an administrator resets a password within its subtree: every session of the account ends, the new password works, the old one not', async () => {
    const { id } = await account(t, 'bt.quenmatkhau', o.A, ['cell_secretary']);
    const first = await t.as('bt.quenmatkhau', STAFF_PASSWORD);
    const second = await t.as('bt.quenmatkhau', STAFF_PASSWORD);
    await first.get(`${API}/auth/me`).expect(200);
    await provinceAdmin.agent.post(`${API}/users/${id}/password`).send({ password: 'mat-khau-cap-lai-2026' }).expect(204);
    for (const agent of [first, second]) expect((await agent.get(`${API}/auth/me`).expect(401)).body.reason).toBe('SESSION_ENDED');
    await t.anonymous.post(`${API}/auth/login`).send({ username: 'bt.quenmatkhau', password: STAFF_PASSWORD }).expect(401);
    await t.as('bt.quenmatkhau', 'mat-khau-cap-lai-2026');
  });

  it('the OpenAPI document describes the names: required fullName on creation, PATCH /users/{id}, /auth/me and the named actor', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body;
    const schemas = doc.components.schemas;
    expect(schemas.CreateUserDto.required).toEqual(expect.arrayContaining(['fullName']));
    expect(schemas.CreateUserDto.required).not.toContain('title');
    expect(schemas.CreateUserDto.properties.fullName).toMatchObject({ type: 'string', minLength: 1, maxLength: 200 });
    expect(schemas.UpdateUserDto.required ?? []).toEqual([]);
    expect(Object.keys(schemas.UpdateUserDto.properties).sort()).toEqual(['fullName', 'roles', 'title']);
    expect(doc.paths['/api/v1/users/{id}'].patch.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/UpdateUserDto' });
    expect(schemas.UserDto.required).toEqual(expect.arrayContaining(['fullName', 'title', 'organisationName']));
    expect(schemas.MeDto.required).toEqual(expect.arrayContaining(['fullName', 'title', 'organisationName']));
    expect(schemas.CaseEventDto.properties.actor).toEqual({ $ref: '#/components/schemas/CaseEventActorDto' });
    expect(schemas.CaseEventActorDto.required).toEqual(expect.arrayContaining(['fullName', 'title', 'organisationName', 'username', 'userId']));
  });

  it('a password reset is refused outside the administrator’s subtree (404, the sessions go on) and to anyone not an administrator (403)', async () => {
    await account(t, 'bt.tinhkhac', o.A2, ['cell_secretary']);
    const neighbour = await t.as('bt.tinhkhac', STAFF_PASSWORD);
    const neighbourId = (await neighbour.get(`${API}/auth/me`).expect(200)).body.userId as string;
    await provinceAdmin.agent.post(`${API}/users/${neighbourId}/password`).send({ password: 'chiem-quyen-2026' }).expect(404);
    await neighbour.get(`${API}/auth/me`).expect(200);
    await t.anonymous.post(`${API}/auth/login`).send({ username: 'bt.tinhkhac', password: 'chiem-quyen-2026' }).expect(401);

    const inspector = await account(t, 'kt.tengoi', o.P, ['inspector']);
    const { id } = await account(t, 'bt.duocbaove', o.A, ['cell_secretary']);
    const refused = await inspector.agent.post(`${API}/users/${id}/password`).send({ password: 'chiem-quyen-2026' }).expect(403);
    expect(refused.body.permission).toBe('users.manage');
    await t.as('bt.duocbaove', STAFF_PASSWORD);
  });
});

describe('the names of the first accounts', () => {
  it('the bootstrap admin is "Quản trị hệ thống" unless ADMIN_FULL_NAME names it; a later start without it keeps the name; the placeholder of an older admin becomes the default', async () => {
    const named = await startTestApp({ env: { ADMIN_FULL_NAME: '  Nguyễn   Quản Trị ' } });
    try {
      expect((await named.http.get(`${API}/auth/me`).expect(200)).body).toMatchObject({ username: 'admin', fullName: 'Nguyễn Quản Trị', organisationName: null });
    } finally {
      await named.close();
    }
    const unnamed = await startTestApp();
    try {
      expect((await unnamed.http.get(`${API}/auth/me`).expect(200)).body.fullName).toBe('Nguyễn Quản Trị');
      // An admin from before full names carries its username (the migration's placeholder)…
      await unnamed.app.get(DataSource).query(`UPDATE users SET full_name = username WHERE username = 'admin'`);
    } finally {
      await unnamed.close();
    }
    // …and the next start names it by the default, which is also what the other suites on this database expect.
    const restore = await startTestApp();
    try {
      expect((await restore.http.get(`${API}/auth/me`).expect(200)).body.fullName).toBe('Quản trị hệ thống');
    } finally {
      await restore.close();
    }
  });

  it('first-run setup names the province administrator by --full-name and --title, else "Quản trị hệ thống"', async () => {
    const t = await startTestApp();
    try {
      const env = { DATABASE_URL: TEST_DATABASE_URL, LOG_LEVEL: 'silent', SETUP_PASSWORD: 'mat-khau-tinh-uy-9' };
      const named = await runSetup(['--province', 'Tỉnh ủy Đặt Tên', '--username', 'qt.dat.ten', '--full-name', 'Võ Thị Sáu', '--title', 'Chánh Văn phòng Tỉnh ủy'], env);
      const admin = await t.as('qt.dat.ten', 'mat-khau-tinh-uy-9');
      expect((await admin.get(`${API}/auth/me`).expect(200)).body).toMatchObject({
        fullName: 'Võ Thị Sáu',
        title: 'Chánh Văn phòng Tỉnh ủy',
        organisationId: named.provinceId,
        organisationName: 'Tỉnh ủy Đặt Tên',
      });
      await runSetup(['--province', 'Tỉnh ủy Đặt Tên', '--username', 'qt.mac.dinh'], env);
      const byDefault = await t.as('qt.mac.dinh', 'mat-khau-tinh-uy-9');
      expect((await byDefault.get(`${API}/auth/me`).expect(200)).body).toMatchObject({ fullName: 'Quản trị hệ thống', title: null });
      await expect(runSetup(['--province', 'Tỉnh ủy Đặt Tên', '--username', 'qt.qua.dai', '--full-name', 'x'.repeat(201)], env)).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      });
    } finally {
      await t.close();
    }
  });
});
