import { API, startTestApp, TestApp } from '../support/app';

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
    const expected = { year: 2031, daysOff: body.daysOff, workingDays: body.workingDays, source: expect.stringContaining(body.source) };
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
});
