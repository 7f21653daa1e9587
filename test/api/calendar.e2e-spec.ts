import { API, createOrganisationTree, OrganisationTree, startTestApp, TestApp } from '../support/app';
import { account } from '../access/support';
import { openCase, record } from './helpers';

describe('calendar endpoints', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('the 45th working day after Thu 2026-01-15 is 2026-03-26 (Tết 2026 off)', async () => {
    const res = await t.http.get(`${API}/calendar/working-days`).query({ from: '2026-01-15', add: 45 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ from: '2026-01-15', add: 45, date: '2026-03-26' });
    const zero = await t.http.get(`${API}/calendar/working-days`).query({ from: '2026-01-17', add: 0 });
    expect(zero.body.date).toBe('2026-01-17');
  });

  it.each([
    [{ from: '2026-02-30', add: 1 }, 'from'],
    [{ from: '2026-01-15', add: -1 }, 'add'],
    [{ from: '2026-01-15', add: 1001 }, 'add'],
    [{ from: '2026-01-15', add: 1.5 }, 'add'],
    [{ from: '2026-01-15' }, 'add'],
  ])('working-days %j → 400 naming %s', async (query, field) => {
    const res = await t.http.get(`${API}/calendar/working-days`).query(query);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: expect.arrayContaining([expect.objectContaining({ field })]) });
  });

  it('GET a year shows the official arrangement in force', async () => {
    const res = await t.http.get(`${API}/calendar/2026`);
    expect(res.status).toBe(200);
    expect(res.body.year).toBe(2026);
    expect(res.body.daysOff.length).toBeGreaterThan(5);
    expect(res.body.daysOff[0]).toEqual({ date: expect.stringMatching(/^2026-/), name: expect.any(String) });
  });

  it('PUT replaces a year; GET then shows it and working days follow it', async () => {
    const body = {
      daysOff: [
        { date: '2031-01-01', name: 'Tết Dương lịch / New Year' },
        { date: '2031-01-02', name: 'Nghỉ bù / Swapped day off' },
      ],
      workingDays: [{ date: '2031-01-04', name: 'Làm bù / Make-up working day' }],
      source: 'Thông báo thử nghiệm',
    };
    const put = await t.http.put(`${API}/calendar/2031`).send(body);
    expect(put.status).toBe(200);
    const expected = { year: 2031, daysOff: body.daysOff, workingDays: body.workingDays, source: expect.stringContaining(body.source), scope: 'national', provinceId: null };
    expect(put.body).toEqual(expected);
    const get = await t.http.get(`${API}/calendar/2031`);
    expect(get.body).toEqual(expected);
    // Tue 2030-12-31 + 1: Wed 1 and Thu 2 are off, Fri 3 works
    const wd = await t.http.get(`${API}/calendar/working-days`).query({ from: '2030-12-31', add: 2 });
    expect(wd.body.date).toBe('2031-01-04');
  });

  it('PUT with bad input → 400 naming the field, nothing replaced', async () => {
    const before = (await t.http.get(`${API}/calendar/2032`)).body;
    const weekend = await t.http.put(`${API}/calendar/2032`).send({ daysOff: [{ date: '2032-01-03', name: 'Chủ nhật' }], workingDays: [] });
    expect(weekend.status).toBe(400);
    expect(weekend.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ field: 'daysOff[0].date' })] });
    const badDate = await t.http.put(`${API}/calendar/2032`).send({ daysOff: [{ date: '2032-02-30', name: 'X' }], workingDays: [] });
    expect(badDate.status).toBe(400);
    expect(badDate.body.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'daysOff[0].date' })]));
    const badYear = await t.http.get(`${API}/calendar/20x6`);
    expect(badYear.status).toBe(400);
    expect(badYear.body.fields).toEqual([expect.objectContaining({ field: 'year' })]);
    expect((await t.http.get(`${API}/calendar/2032`)).body).toEqual(before);
  });

  describe('who may change which calendar', () => {
    let a: OrganisationTree;
    let b: OrganisationTree;
    let adminA: Awaited<ReturnType<typeof account>>['agent'];
    let adminB: Awaited<ReturnType<typeof account>>['agent'];
    let secretaryA: Awaited<ReturnType<typeof account>>['agent'];
    const year2028 = {
      daysOff: [{ date: '2028-03-01', name: 'Ngày nghỉ riêng của tỉnh / The province’s own day off' }],
      workingDays: [],
      source: 'Quyết định của Tỉnh ủy',
    };

    beforeAll(async () => {
      a = await createOrganisationTree(t.http, { label: 'LichA' });
      b = await createOrganisationTree(t.http, { label: 'LichB' });
      adminA = (await account(t, 'qt.lich.a', a.provinceId, ['admin'])).agent;
      adminB = (await account(t, 'qt.lich.b', b.provinceId, ['admin'])).agent;
      secretaryA = (await account(t, 'cb.lich.a', a.cellId, ['cell_secretary'])).agent;
    });

    it('a province’s administrator may not change the national calendar: 403, nothing changed for anyone', async () => {
      const before = (await t.http.get(`${API}/calendar/2028`)).body;
      const res = await adminA.put(`${API}/calendar/2028`).send(year2028);
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ code: 'FORBIDDEN', permission: 'calendar.national' });
      expect((await t.http.get(`${API}/calendar/2028`)).body).toEqual(before);
      expect((await adminB.get(`${API}/calendar/2028`)).body).toEqual({ ...before, provinceId: b.provinceId });
      expect((await adminA.delete(`${API}/calendar/2028`)).status).toBe(403);
    });

    it('it may set its own province’s arrangement of a year, which its organisations and cases follow and no other province sees', async () => {
      const put = await adminA.put(`${API}/calendar/2028`).query({ organisationId: a.provinceId }).send(year2028);
      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({ year: 2028, scope: 'province', provinceId: a.provinceId, daysOff: year2028.daysOff });
      // Readers of the province see it by default; the national calendar and the other province do not.
      expect((await secretaryA.get(`${API}/calendar/2028`)).body).toMatchObject({ scope: 'province', daysOff: year2028.daysOff });
      expect((await t.http.get(`${API}/calendar/2028`).query({ organisationId: a.cellId })).body).toMatchObject({ scope: 'province', provinceId: a.provinceId });
      expect((await t.http.get(`${API}/calendar/2028`)).body).toMatchObject({ scope: 'national', provinceId: null });
      expect((await adminB.get(`${API}/calendar/2028`)).body).toMatchObject({ scope: 'national', provinceId: b.provinceId });
      const days = (who: typeof adminA) => who.get(`${API}/calendar/working-days`).query({ from: '2028-02-28', add: 2 });
      expect((await days(secretaryA)).body.date).toBe('2028-03-02'); // Tue 29, (Wed 1 off), Thu 2
      expect((await days(adminB)).body.date).toBe('2028-03-01');
      // The other province's administrator may neither change nor remove it.
      expect((await adminB.put(`${API}/calendar/2028`).query({ organisationId: a.provinceId }).send(year2028)).status).toBe(404);
      expect((await adminB.delete(`${API}/calendar/2028`).query({ organisationId: a.provinceId })).status).toBe(404);
      // A calendar of its own belongs to a province, not to a commune of it.
      const commune = await adminA.put(`${API}/calendar/2028`).query({ organisationId: a.communeId }).send(year2028);
      expect(commune.status).toBe(400);
      expect(commune.body.fields).toEqual([expect.objectContaining({ field: 'organisationId' })]);
      // Removing it brings the national arrangement back.
      expect((await adminA.delete(`${API}/calendar/2028`).query({ organisationId: a.provinceId })).status).toBe(204);
      expect((await secretaryA.get(`${API}/calendar/2028`)).body).toMatchObject({ scope: 'national' });
      expect((await adminA.delete(`${API}/calendar/2028`).query({ organisationId: a.provinceId })).status).toBe(404);
    });

    it('a case counts its working days on its province’s calendar', async () => {
      const national2026 = (await t.http.get(`${API}/calendar/2026`)).body as { daysOff: { date: string; name: string }[]; workingDays: { date: string; name: string }[] };
      const extraDayOff = { date: '2026-02-03', name: 'Ngày nghỉ riêng của tỉnh / The province’s own day off' };
      await adminA
        .put(`${API}/calendar/2026`)
        .query({ organisationId: a.provinceId })
        .send({ daysOff: [...national2026.daysOff, extraDayOff], workingDays: national2026.workingDays, source: 'Quyết định của Tỉnh ủy' })
        .expect(200);
      t.setToday('2026-03-02');
      try {
        const dueOf = async (tree: OrganisationTree) => {
          const c = await openCase(t.http, tree.cellId, '2026-01-05');
          await record(t.http, c.id, 'AWARENESS_CERTIFICATE_RECORDED', '2026-01-06', { certificateNo: 'CN-L', issuedOn: '2026-01-06', issuer: 'Trung tâm' });
          await record(t.http, c.id, 'DOSSIER_OPENED', '2026-01-06', { resolutionNo: 'NQ-L' });
          const after = await record(t.http, c.id, 'VERIFICATION_REQUESTED', '2026-01-26', { requestId: 'TT-L', scope: 'domestic', subject: 'Cha' });
          return after.deadlines.find((d) => d.kind === 'VERIFICATION_REPLY')!.dueOn;
        };
        const [dueA, dueB] = [await dueOf(a), await dueOf(b)];
        expect(dueB).toBe((await t.http.get(`${API}/calendar/working-days`).query({ from: '2026-01-26', add: 30 })).body.date);
        expect(dueA).toBe((await t.http.get(`${API}/calendar/working-days`).query({ from: '2026-01-26', add: 30, organisationId: a.cellId })).body.date);
        expect(dueA > dueB).toBe(true);
      } finally {
        t.setToday('2026-01-05');
        await adminA.delete(`${API}/calendar/2026`).query({ organisationId: a.provinceId }).expect(204);
      }
    });
  });

  describe('years in the path are read strictly', () => {
    it.each(['0x7EA', '2026.0', '%202027', '2027%20', '1e3', '+2027', '02027', '1000', '1899', '2101', '9999'])('PUT and GET /calendar/%s → 400 naming year, nothing stored', async (year) => {
      const before = await t.http.get(`${API}/calendar/2026`);
      const put = await t.http.put(`${API}/calendar/${year}`).send({ daysOff: [], workingDays: [], source: 'x' });
      expect(put.status).toBe(400);
      expect(put.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ field: 'year' })] });
      expect((await t.http.get(`${API}/calendar/${year}`)).status).toBe(400);
      expect((await t.http.get(`${API}/calendar/2026`)).body).toEqual(before.body);
    });

    it('the bounds themselves are years', async () => {
      expect((await t.http.get(`${API}/calendar/1900`)).status).toBe(200);
      expect((await t.http.get(`${API}/calendar/2100`)).status).toBe(200);
    });

    it.each(['1900', '1929', '2101', '0000', '1929-Q4'])('a target for the period %s → 400 naming period, nothing stored', async (period) => {
      const tree = await createOrganisationTree(t.http);
      const res = await t.http.put(`${API}/targets/${tree.communeId}/${period}`).send({ admissions: 5 });
      expect(res.status).toBe(400);
      expect(res.body.fields).toEqual([expect.objectContaining({ field: 'period' })]);
      expect((await t.http.get(`${API}/targets`).query({ organisationId: tree.communeId })).body).toEqual([]);
    });
  });
});
