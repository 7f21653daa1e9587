import { EVENT_TYPES, eventSchemaName } from '@charterflow/procedure';
import { DataSource } from 'typeorm';
import { API, createOrganisationTree, startTestApp, TestApp } from '../support/app';
import { openCase, postEvent, snapshotOf } from './helpers';

describe('HTTP errors (api.md "Errors")', () => {
  let t: TestApp;
  let cellId: string;

  beforeAll(async () => {
    t = await startTestApp({ today: '2026-03-02' });
    ({ cellId } = await createOrganisationTree(t.http));
  });
  afterAll(() => t?.close());

  it('unknown route → 404 NOT_FOUND', async () => {
    const res = await t.http.get(`${API}/nothing-here`);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ code: 'NOT_FOUND', message: expect.any(String) });
  });

  it('malformed JSON → 400 VALIDATION_FAILED', async () => {
    const res = await t.http.post(`${API}/organisations`).set('content-type', 'application/json').send('{"name": ');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'body', message: expect.any(String) }] });
  });

  it('a body over the limit → 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await t.http.post(`${API}/organisations`).send({ name: 'x'.repeat(200_000), kind: 'province' });
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: expect.any(String) });
  });

  it('unknown case → 404 NOT_FOUND; a malformed id → 400 naming id', async () => {
    const missing = await t.http.get(`${API}/cases/00000000-0000-4000-8000-000000000000`);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('NOT_FOUND');
    const events = await postEvent(t.http, '00000000-0000-4000-8000-000000000000', 'APPLICATION_FILED', '2026-01-10');
    expect(events.status).toBe(404);
    const bad = await t.http.get(`${API}/cases/not-a-uuid`);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'id' }] });
  });

  it('create case: bad dates, unknown fields and missing fields name each field with its full path', async () => {
    const res = await t.http.post(`${API}/cases`).send({
      organisationId: cellId,
      occurredOn: '2026-02-30',
      extra: 1,
      candidate: { fullName: 'A', dateOfBirth: '2001-13-01', gender: 'female', ethnicity: 'Kinh', education: 'phd', youthUnionMember: true, tradeUnionMember: false, areaType: 'standard' },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const fields = (res.body.fields as { field: string }[]).map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['occurredOn', 'extra', 'candidate.dateOfBirth', 'candidate.education', 'candidate.occupation']));
    // Staff read the declared fields by their Vietnamese labels, never by their paths.
    expect(res.body.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'candidate.dateOfBirth', labelVi: 'Ngày sinh', messageVi: '«Ngày sinh» không phải là một ngày có thật trong các năm 1900–2100' }),
        expect.objectContaining({ field: 'candidate.occupation', labelVi: 'Nghề nghiệp', messageVi: '«Nghề nghiệp» chưa được nhập' }),
      ]),
    );
    expect(res.body.messageVi).toContain('«Ngày sinh» không phải là một ngày có thật');
    expect(res.body.messageVi).not.toMatch(/candidate|dateOfBirth|occupation/);
  });

  describe('POST /cases/:id/events validation', () => {
    let caseId: string;
    beforeAll(async () => {
      caseId = (await openCase(t.http, cellId)).id;
    });

    // The last column: the field's Vietnamese label where the schema declares the field (null: it does not).
    it.each([
      ['unknown event type', { type: 'PARTY_HELD', occurredOn: '2026-01-10' }, 'type', null],
      ['missing type', { occurredOn: '2026-01-10' }, 'type', null],
      ['bad date', { type: 'AWARENESS_CERTIFICATE_RECORDED', occurredOn: '2026-01-10', certificateNo: 'C', issuedOn: '2026-02-29', issuer: 'X' }, 'issuedOn', 'Ngày cấp'],
      ['unknown field', { type: 'APPLICATION_FILED', occurredOn: '2026-01-10', note: 'hello' }, 'note', null],
      ['missing field', { type: 'AWARENESS_CERTIFICATE_RECORDED', occurredOn: '2026-01-10', issuedOn: '2026-01-10', issuer: 'X' }, 'certificateNo', 'Số giấy chứng nhận'],
      ['missing occurredOn', { type: 'APPLICATION_FILED' }, 'occurredOn', 'Ngày'],
      ['nested sponsor date', { type: 'SPONSOR_ADDED', occurredOn: '2026-01-10', sponsor: { name: 'B', fullMemberSince: '2015-01-01', togetherSince: '2023-1-1' } }, 'sponsor.togetherSince', 'Cùng công tác, học tập hoặc cư trú với người vào Đảng từ ngày'],
      ['a vote count that is not a whole number', { type: 'CELL_VOTE_RECORDED', occurredOn: '2026-01-10', fullMembers: 9, excluded: 0, inFavour: 6.5 }, 'inFavour', 'Số phiếu tán thành'],
    ])('%s → 400 naming the field, nothing written', async (_name, body, field, labelVi) => {
      const before = await snapshotOf(t.http, caseId);
      const res = await t.http.post(`${API}/cases/${caseId}/events`).send(body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.message).toEqual(expect.any(String));
      if (labelVi) {
        expect(res.body.fields).toEqual(expect.arrayContaining([{ field, message: expect.any(String), labelVi, messageVi: expect.stringContaining(`«${labelVi}» `) }]));
        expect(res.body.messageVi).toContain(`«${labelVi}» `);
        expect(res.body.messageVi).not.toContain(field);
      } else {
        expect(res.body.fields).toEqual(expect.arrayContaining([{ field, message: expect.any(String) }]));
        expect(res.body).not.toHaveProperty('messageVi');
      }
      expect(await snapshotOf(t.http, caseId)).toEqual(before);
    });

    it('malformed If-Match and Idempotency-Key → 400 naming the header', async () => {
      const ifMatch = await t.http.post(`${API}/cases/${caseId}/events`).set('If-Match', 'version-one').send({ type: 'APPLICATION_FILED', occurredOn: '2026-01-10' });
      expect(ifMatch.status).toBe(400);
      expect(ifMatch.body.fields).toEqual([{ field: 'If-Match', message: expect.any(String) }]);
      const key = await t.http.post(`${API}/cases/${caseId}/events`).set('Idempotency-Key', 'k'.repeat(201)).send({ type: 'APPLICATION_FILED', occurredOn: '2026-01-10' });
      expect(key.status).toBe(400);
      expect(key.body.fields).toEqual([{ field: 'Idempotency-Key', message: expect.any(String) }]);
    });

    it('an event the state does not handle → 422 EVENT_NOT_ALLOWED with state and allowedEvents', async () => {
      const before = await snapshotOf(t.http, caseId);
      const res = await postEvent(t.http, caseId, 'CEREMONY_HELD', '2026-01-10', { helper: { name: 'B' } });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'EVENT_NOT_ALLOWED', state: 'sympathiser', allowedEvents: expect.arrayContaining(['AWARENESS_CERTIFICATE_RECORDED']) });
      // For staff: the step and the stage by their names, and what can be recorded instead (ADR 0018).
      expect(res.body.messageVi).toMatch(/^Không thể ghi nhận «Tổ chức lễ kết nạp» khi hồ sơ đang ở bước «Quần chúng ưu tú»\. Các bước có thể ghi nhận lúc này: .*«Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng»/);
      expect(res.body.messageVi).not.toMatch(/CEREMONY_HELD|sympathiser|AWARENESS_CERTIFICATE_RECORDED/);
      expect(await snapshotOf(t.http, caseId)).toEqual(before);
    });

    it.each([
      ['PROBATION_ENDED', {}],
      ['CASE_OPENED', { candidate: { fullName: 'A', dateOfBirth: '2001-04-12', gender: 'male', ethnicity: 'Kinh', religion: null, education: 'university', youthUnionMember: false, tradeUnionMember: false, areaType: 'standard', occupation: 'x' } }],
    ])('%s from staff → 403 FORBIDDEN, nothing written', async (type, payload) => {
      const before = await snapshotOf(t.http, caseId);
      const res = await postEvent(t.http, caseId, type, '2026-01-10', payload);
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ code: 'FORBIDDEN', message: expect.any(String) });
      expect(await snapshotOf(t.http, caseId)).toEqual(before);
    });
  });

  it('GET /health answers 200 outside the /api/v1 prefix (degraded: this API runs no worker and none beats)', async () => {
    await t.app.get(DataSource).query(`DELETE FROM worker_heartbeats`);
    const res = await t.http.get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'degraded', degraded: ['worker'], info: { database: { status: 'up' }, worker: { status: 'down', workers: 0 } } });
    expect((await t.http.get(`${API}/health`)).status).toBe(404);
  });

  it('serves the OpenAPI document with every endpoint', async () => {
    const res = await t.http.get('/api/docs-json');
    expect(res.status).toBe(200);
    const paths = Object.keys(res.body.paths as object);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/organisations',
        '/api/v1/organisations/{id}',
        '/api/v1/cases',
        '/api/v1/cases/{id}',
        '/api/v1/cases/{id}/events',
        '/api/v1/cases/{id}/verify',
        '/api/v1/calendar/working-days',
        '/api/v1/calendar/{year}',
        '/health',
      ]),
    );
    // Every event of the procedure's schema is a component with its labels, and the event body is one of them.
    const body = res.body.paths['/api/v1/cases/{id}/events'].post.requestBody.content['application/json'].schema;
    expect(body.oneOf).toHaveLength(EVENT_TYPES.length);
    for (const type of EVENT_TYPES) {
      const schema = res.body.components.schemas[eventSchemaName(type)];
      expect(schema).toMatchObject({ type: 'object', additionalProperties: false, 'x-labels': { vi: expect.any(String), en: expect.any(String) } });
      expect(schema.properties.type).toEqual({ type: 'string', enum: [type] });
      expect(body.discriminator.mapping[type]).toBe(`#/components/schemas/${eventSchemaName(type)}`);
    }
    expect(res.body.components.schemas.CellVoteRecordedEvent.properties.inFavour).toMatchObject({ type: 'integer', 'x-labels': { vi: 'Số phiếu tán thành' } });
    expect(res.body.paths['/api/v1/cases/{id}/events'].post.responses).toHaveProperty('422');
  });
});
