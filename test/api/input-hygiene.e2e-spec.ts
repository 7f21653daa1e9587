import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { API, createOrganisationTree, OrganisationTree, startTestApp, TestApp } from '../support/app';
import { createTestDataSource } from '../support/database';
import { installWriteCounter, WriteCounter } from '../support/write-counter';
import { CANDIDATE, openCase, SPONSOR } from './helpers';
import { finished } from '../imports/finish';

/**
 * Bad input found by a hostile probe of the running API, each once answered 500 (or stored altered): NUL and
 * unpaired surrogates, JSON nested 2,000 levels deep, dates of the year 0000 or 9999, forged cursors. Each must now
 * answer 400 VALIDATION_FAILED naming the field, write nothing, and log no error.
 */
describe('Bad input is refused at the edge (README "Bad input")', () => {
  let t: TestApp;
  let tree: OrganisationTree;
  let caseId: string;
  let dataSource: DataSource;
  let writes: WriteCounter;
  let errorLog: jest.SpyInstance;

  beforeAll(async () => {
    t = await startTestApp({ today: '2026-03-02' });
    tree = await createOrganisationTree(t.http);
    caseId = (await openCase(t.http, tree.cellId, '2026-01-05')).id;
    dataSource = await createTestDataSource();
    writes = await installWriteCounter(dataSource);
  });
  afterAll(async () => {
    await writes?.uninstall();
    await dataSource?.destroy();
    await t?.close();
  });
  beforeEach(() => {
    errorLog = jest.spyOn(Logger.prototype, 'error');
  });
  afterEach(() => {
    const logged = errorLog.mock.calls.map((call) => String(call[0]));
    errorLog.mockRestore();
    // Expected refusals are not errors: nothing reaches the error log with a stack.
    expect(logged).toEqual([]);
  });

  type Res = { status: number; body: { code?: string; message?: string; fields?: { field: string; message: string }[] } };

  /** Sends a request that must be refused 400 naming `field`, and checks that the database saw no write. */
  async function expectRefused(send: () => PromiseLike<Res>, field: string): Promise<Res> {
    const before = await writes.read();
    const res = await send();
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expect(res.body.message).toEqual(expect.any(String));
    // A field the schema declares also carries its Vietnamese label (labelVi, messageVi).
    expect(res.body.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field, message: expect.any(String) })]));
    expect(await writes.read()).toBe(before);
    return res;
  }

  const event = (body: Record<string, unknown>) => () => t.http.post(`${API}/cases/${caseId}/events`).send(body);

  describe('NUL and unpaired surrogates', () => {
    it('a NUL in the login name, before authentication (no failed attempt recorded either)', async () => {
      const res = await expectRefused(() => t.anonymous.post(`${API}/auth/login`).send({ username: 'ad\u0000min', password: 'x' }), 'username');
      expect(res.body.fields![0].message).toContain('NUL');
    });

    it('a NUL in a candidate field', async () => {
      await expectRefused(
        () => t.http.post(`${API}/cases`).send({ organisationId: tree.cellId, occurredOn: '2026-01-05', candidate: { ...CANDIDATE, fullName: 'Nguyễn\u0000Lan' } }),
        'candidate.fullName',
      );
    });

    it('a NUL in a sponsor name', async () => {
      await expectRefused(event({ type: 'SPONSOR_ADDED', occurredOn: '2026-01-10', sponsor: { ...SPONSOR, name: 'Trần\u0000Bình' } }), 'sponsor.name');
    });

    it('a NUL in ?q=', async () => {
      await expectRefused(() => t.http.get(`${API}/cases?q=%00`), 'query.q');
    });

    it('a lone surrogate in an organisation name is refused, not stored as U+FFFD', async () => {
      const res = await expectRefused(
        () => t.http.post(`${API}/organisations`).set('content-type', 'application/json').send(`{"name":"Chi bộ \\ud800","kind":"cell","parentId":"${tree.grassrootsId}"}`),
        'name',
      );
      expect(res.body.fields![0].message).toContain('surrogate');
      const children = await t.http.get(`${API}/organisations?parentId=${tree.grassrootsId}`);
      expect((children.body as { name: string }[]).some((o) => o.name.includes('\uFFFD'))).toBe(false);
    });

    it.each([
      ['a case payload', { type: 'DOSSIER_OPENED', occurredOn: '2026-01-10', resolutionNo: 'NQ-\\udc00' }, 'resolutionNo'],
      ['a verification request id', { type: 'VERIFICATION_REQUESTED', occurredOn: '2026-01-10', requestId: 'req-\\u0000', scope: 'domestic', subject: 'father' }, 'requestId'],
      ['an array element', { type: 'OPINIONS_RECORDED', occurredOn: '2026-01-10', organisations: ['Đoàn', 'Hội \\ud83d'], residenceCell: true }, 'organisations[1]'],
      ['a field name', { type: 'APPLICATION_FILED', occurredOn: '2026-01-10', 'x\\u0000': 1 }, '["x\\u0000"]'],
    ])('in %s of an event', async (_what, body, field) => {
      // Sent as raw JSON text: the escapes reach the parser as written.
      const text = JSON.stringify(body).replace(/\\\\u/g, '\\u');
      await expectRefused(() => t.http.post(`${API}/cases/${caseId}/events`).set('content-type', 'application/json').send(text), field);
    });

    it.each([
      ['a webhook description', () => t.http.post(`${API}/webhooks`).send({ organisationId: tree.cellId, url: 'http://127.0.0.1:9/hook', description: 'nhắc\u0000việc' }), 'description'],
      ['a target note', () => t.http.put(`${API}/targets/${tree.provinceId}/2026`).send({ admissions: 10, note: '\u0000' }), 'note'],
      ['a calendar source', () => t.http.put(`${API}/calendar/2099`).send({ daysOff: [], workingDays: [], source: 'TB\u0000' }), 'source'],
      ['a calendar day name', () => t.http.put(`${API}/calendar/2099`).send({ daysOff: [{ date: '2099-01-01', name: 'Tết\u0000' }], workingDays: [] }), 'daysOff[0].name'],
      ['a path parameter', () => t.http.put(`${API}/targets/${tree.provinceId}/2026%00`).send({ admissions: 10 }), 'path.period'],
      ['a path parameter in invalid UTF-8 (a lone surrogate)', () => t.http.get(`${API}/organisations/%ED%A0%80`), 'path'],
      ['a repeated query parameter', () => t.http.get(`${API}/audit/violations?check=A1&check=A%00`), 'query.check[1]'],
    ])('in %s', async (_what, send, field) => {
      await expectRefused(send, field);
    });

    it('a bad row of an import is reported among the others, and the good row is imported', async () => {
      const good = {
        externalId: 'HYG-1', organisationId: tree.cellId, openedOn: '2026-01-05',
        fullName: 'Lê Văn Nam', dateOfBirth: '2000-03-15', gender: 'male', ethnicity: 'Kinh', education: 'university', occupation: 'teacher',
      };
      const accepted = await t.http.post(`${API}/imports`).send({
        rows: [good, { ...good, externalId: 'HYG-2', fullName: 'Lê\u0000Nam' }, { ...good, externalId: 'HYG-\u0000' }, { ...good, externalId: 'HYG-4', ['x\uD800']: '1' }],
      });
      expect(accepted.status).toBe(202);
      const res = { body: await finished(t, accepted) };
      expect(res.body).toMatchObject({ rows: 4, imported: 1, refused: 3 });
      expect(res.body.items.map((i) => [i.status, i.externalId, i.errors?.[0]?.field])).toEqual([
        ['imported', 'HYG-1', undefined],
        ['refused', 'HYG-2', 'fullName'],
        ['refused', null, 'externalId'],
        ['refused', 'HYG-4', '["x\\ud800"]'],
      ]);
      expect((await t.http.get(`${API}/imports/${res.body.importId}`)).body.refused).toBe(3);
    });

    it('a CSV import with a NUL in a cell reports that row', async () => {
      const csv = 'externalId,organisationId,openedOn,fullName,dateOfBirth,gender,ethnicity,education,occupation\n' + `HYG-CSV-1,${tree.cellId},2026-01-05,Lê\u0000Văn,2000-03-15,male,Kinh,university,teacher\n`;
      const accepted = await t.http.post(`${API}/imports`).set('content-type', 'text/csv').send(csv);
      expect(accepted.status).toBe(202);
      expect((await finished(t, accepted)).items).toEqual([expect.objectContaining({ status: 'refused', externalId: 'HYG-CSV-1', errors: [expect.objectContaining({ field: 'fullName' })] })]);
    });
  });

  describe('JSON nested 2,000 levels deep', () => {
    const deepArray = '['.repeat(2000) + ']'.repeat(2000);

    it('on the public login: 400 naming body, before any parsing', async () => {
      await expectRefused(() => t.anonymous.post(`${API}/auth/login`).set('content-type', 'application/json').send(deepArray), 'body');
      await expectRefused(() => t.anonymous.post(`${API}/auth/login`).set('content-type', 'application/json').send(`{"username":"admin","password":${deepArray}}`), 'body');
    });

    it('on an event POST: nothing written', async () => {
      await expectRefused(
        () => t.http.post(`${API}/cases/${caseId}/events`).set('content-type', 'application/json').send(`{"type":"APPLICATION_FILED","occurredOn":"2026-01-10","x":${deepArray}}`),
        'body',
      );
    });

    it('on the import endpoint (its own 64 MB parser)', async () => {
      await expectRefused(() => t.http.post(`${API}/imports`).set('content-type', 'application/json').send(`{"rows":[${deepArray}]}`), 'body');
    });

    // Guards against refusing too much (they passed before the fix too): the limit is 32, not less.
    it('32 levels are still read', async () => {
      const nested = '['.repeat(31) + '"x"' + ']'.repeat(31);
      const res = await t.http.post(`${API}/cases/${caseId}/events`).set('content-type', 'application/json').send(`{"type":"APPLICATION_FILED","occurredOn":"2026-01-10","x":${nested}}`);
      expect(res.status).toBe(400);
      expect(res.body.fields).toEqual([{ field: 'x', message: expect.any(String) }]);
    });
  });

  describe('dates outside 1900–2100', () => {
    it.each([
      ['occurredOn of an event', event({ type: 'AWARENESS_CERTIFICATE_RECORDED', occurredOn: '0000-01-01', certificateNo: 'CN-1', issuedOn: '2026-01-06', issuer: 'X' }), 'occurredOn'],
      ['issuedOn of an event', event({ type: 'AWARENESS_CERTIFICATE_RECORDED', occurredOn: '2026-01-06', certificateNo: 'CN-1', issuedOn: '9999-12-31', issuer: 'X' }), 'issuedOn'],
      ['occurredOn of a new case', () => t.http.post(`${API}/cases`).send({ organisationId: tree.cellId, occurredOn: '0000-01-01', candidate: CANDIDATE }), 'occurredOn'],
      ['a year-0 birth date', () => t.http.post(`${API}/cases`).send({ organisationId: tree.cellId, occurredOn: '2026-01-05', candidate: { ...CANDIDATE, dateOfBirth: '0000-01-01' } }), 'candidate.dateOfBirth'],
      ['a birth date before 1900', () => t.http.post(`${API}/cases`).send({ organisationId: tree.cellId, occurredOn: '2026-01-05', candidate: { ...CANDIDATE, dateOfBirth: '1899-12-31' } }), 'candidate.dateOfBirth'],
      ['a year-0 sponsor fullMemberSince', event({ type: 'SPONSOR_ADDED', occurredOn: '2026-01-10', sponsor: { ...SPONSOR, fullMemberSince: '0000-01-01' } }), 'sponsor.fullMemberSince'],
      ['a year-0 sponsor togetherSince', event({ type: 'SPONSOR_ADDED', occurredOn: '2026-01-10', sponsor: { ...SPONSOR, togetherSince: '0000-06-01' } }), 'sponsor.togetherSince'],
      ['dueBefore', () => t.http.get(`${API}/cases?dueBefore=0000-01-01`), 'dueBefore'],
      ['the audit from', () => t.http.get(`${API}/audit/violations?from=0000-01-01`), 'from'],
      ['the audit to', () => t.http.get(`${API}/audit/violations?to=9999-12-31`), 'to'],
      ['the deadline audit dueFrom', () => t.http.get(`${API}/audit/deadlines?dueFrom=0000-01-01`), 'dueFrom'],
      ['working-days from 9999-12-31', () => t.http.get(`${API}/calendar/working-days?from=9999-12-31&add=5`), 'from'],
      ['a calendar day', () => t.http.put(`${API}/calendar/2026`).send({ daysOff: [{ date: '1850-01-01', name: 'X' }], workingDays: [] }), 'daysOff[0].date'],
      ['a statistics period', () => t.http.get(`${API}/statistics/admissions?organisationId=${tree.provinceId}&period=0000-Q1`), 'period'],
    ])('%s → 400 naming it', async (_what, send, field) => {
      await expectRefused(send, field);
    });

    // Guards (they passed before the fix too): what the range leaves to the engine, and what it must not refuse.
    it('a birth date after today is the engine’s DATE_IN_FUTURE refusal (422), judged against the injected clock', async () => {
      const before = await writes.read();
      const res = await t.http.post(`${API}/cases`).send({ organisationId: tree.cellId, occurredOn: '2026-01-05', candidate: { ...CANDIDATE, dateOfBirth: '2026-03-03' } });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'RULE_VIOLATION', rule: 'DATE_IN_FUTURE' });
      expect(await writes.read()).toBe(before);
    });

    it('working days counted from the last day of 2100 answer a real date', async () => {
      const res = await t.http.get(`${API}/calendar/working-days?from=2100-12-31&add=1000`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ from: '2100-12-31', add: 1000, date: '2105-01-02' });
    });

    it('the bounds themselves are business dates', async () => {
      expect((await t.http.get(`${API}/calendar/working-days?from=1900-01-01&add=1`)).status).toBe(200);
      expect((await t.http.get(`${API}/cases?dueBefore=2100-12-31`)).status).toBe(200);
    });
  });

  describe('found by the fuzz test (test/api/fuzz.e2e-spec.ts)', () => {
    it('a refused move does not rename either: the request writes nothing', async () => {
      const before = (await t.http.get(`${API}/organisations/${tree.cellId}`)).body as { name: string };
      const count = await writes.read();
      const res = await t.http.patch(`${API}/organisations/${tree.cellId}`).send({ name: 'Chi bộ đổi tên', parentId: tree.cellId });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'RULE_VIOLATION', rule: 'ORGANISATION_HIERARCHY' });
      expect(await writes.read()).toBe(count);
      expect((await t.http.get(`${API}/organisations/${tree.cellId}`)).body.name).toBe(before.name);
    });

    it('an error of a route answering HTML is JSON all the same', async () => {
      const res = await t.http.get(`${API}/cases/00000000-0000-4000-8000-000000000000/compliance/report`);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toMatchObject({ code: 'NOT_FOUND', message: expect.any(String) });
    });
  });

  describe('forged cursors', () => {
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const uuid = '00000000-0000-4000-8000-000000000000';

    it.each([
      ['the case list, year 0000', `${API}/cases?cursor=${forged(['0000-01-01T00:00:00.000Z', uuid])}`],
      // This one and the next but one were refused before the fix too; kept as guards.
      ['the case list, year 10000', `${API}/cases?cursor=${forged(['+010000-01-01T00:00:00.000Z', uuid])}`],
      ['the case list, 30 February', `${API}/cases?cursor=${forged(['2026-02-30T03:00:00.000Z', uuid])}`],
      ['the case list, an id that is no UUID', `${API}/cases?cursor=${forged(['2026-01-05T03:00:00.000Z', 'x'])}`],
      ['the inbox, year 0000', `${API}/notifications?cursor=${forged(['n', '0000-01-01T00:00:00.000Z', uuid])}`],
      ['the deadline audit, year 0000', `${API}/audit/deadlines?cursor=${forged({ dueOn: '0000-01-01', id: uuid })}`],
      ['the deadline audit, an id that is no UUID', `${API}/audit/deadlines?cursor=${forged({ dueOn: '2026-01-01', id: '------------------------------------' })}`],
      ['the violations, a case id that is no UUID', `${API}/audit/violations?cursor=${forged({ detectedOn: '2026-01-01', caseId: 'x', checkId: 'A1' })}`],
      ['the violations, an unknown check', `${API}/audit/violations?cursor=${forged({ detectedOn: '2026-01-01', caseId: uuid, checkId: 'Z9' })}`],
    ])('%s → 400 naming cursor', async (_what, url) => {
      await expectRefused(() => t.http.get(url), 'cursor');
    });
  });
});
