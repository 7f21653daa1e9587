import { DataSource } from 'typeorm';
import { API, createOrganisationTree, startTestApp, TestApp } from '../support/app';
import { CANDIDATE, openCase, record, snapshotOf } from './helpers';

describe('versions, If-Match and Idempotency-Key', () => {
  let t: TestApp;
  let cellId: string;
  const cert = { type: 'AWARENESS_CERTIFICATE_RECORDED', occurredOn: '2026-01-06', certificateNo: 'CN-1', issuedOn: '2026-01-06', issuer: 'Trung tâm' };

  beforeAll(async () => {
    t = await startTestApp({ today: '2026-01-06' });
    ({ cellId } = await createOrganisationTree(t.http));
  });
  afterAll(() => t?.close());

  it('answers ETag with the version; a stale If-Match → 409 VERSION_CONFLICT naming the current version, nothing written', async () => {
    const c = await openCase(t.http, cellId);
    const read = await t.http.get(`${API}/cases/${c.id}`);
    expect(read.headers.etag).toBe('"1"');
    const ok = await t.http.post(`${API}/cases/${c.id}/events`).set('If-Match', '"1"').send(cert);
    expect(ok.status).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    const before = await snapshotOf(t.http, c.id);
    const stale = await t.http.post(`${API}/cases/${c.id}/events`).set('If-Match', '"1"').send({ type: 'WITHDRAWN', occurredOn: '2026-01-06', reason: 'x' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', message: expect.any(String), currentVersion: 2 });
    expect(await snapshotOf(t.http, c.id)).toEqual(before);
    const bare = await t.http.post(`${API}/cases/${c.id}/events`).set('If-Match', '2').send({ type: 'WITHDRAWN', occurredOn: '2026-01-06', reason: 'x' });
    expect(bare.status).toBe(200);
    expect(bare.body.state).toBe('withdrawn');
  });

  it('a repeated event with the same Idempotency-Key returns the identical answer and writes nothing', async () => {
    const c = await openCase(t.http, cellId);
    const first = await t.http.post(`${API}/cases/${c.id}/events`).set('Idempotency-Key', `cert-${c.id}`).send(cert);
    expect(first.status).toBe(200);
    const after = await snapshotOf(t.http, c.id);
    const again = await t.http.post(`${API}/cases/${c.id}/events`).set('Idempotency-Key', `cert-${c.id}`).send(cert);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(await snapshotOf(t.http, c.id)).toEqual(after);
    expect(after).toEqual({ version: 2, events: 2 });
  });

  it('a repeated POST /cases with the same Idempotency-Key opens one case', async () => {
    const key = `open-${Date.now()}-${Math.random()}`;
    const body = { organisationId: cellId, occurredOn: '2026-01-05', candidate: { ...CANDIDATE, fullName: 'Đỗ Văn Idempotent' } };
    const first = await t.http.post(`${API}/cases`).set('Idempotency-Key', key).send(body);
    const again = await t.http.post(`${API}/cases`).set('Idempotency-Key', key).send(body);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const found = await t.http.get(`${API}/cases`).query({ organisationId: cellId, q: 'do van idempotent' });
    expect(found.body.items).toHaveLength(1);
  });

  it('two concurrent POSTs with the same If-Match: one 200 and one 409, history intact and verifiable', async () => {
    const c = await openCase(t.http, cellId);
    const [a, b] = await Promise.all([
      t.http.post(`${API}/cases/${c.id}/events`).set('If-Match', '"1"').send(cert),
      t.http.post(`${API}/cases/${c.id}/events`).set('If-Match', '"1"').send({ type: 'WITHDRAWN', occurredOn: '2026-01-06', reason: 'Chuyển đi nơi khác' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2 });
    const events = (await t.http.get(`${API}/cases/${c.id}/events`)).body as { seq: number }[];
    expect(events.map((e) => e.seq)).toEqual([1, 2]);
    expect((await t.http.get(`${API}/cases/${c.id}/verify`)).body).toMatchObject({ valid: true });
    expect((await t.http.get(`${API}/cases/${c.id}`)).body.version).toBe(2);
  });

  it('lists cases with filters, a page size and a cursor; bad query values are 400', async () => {
    const tree = await createOrganisationTree(t.http);
    for (let i = 0; i < 3; i += 1) await openCase(t.http, tree.cellId, '2026-01-05', { fullName: `Lê Văn Trang ${i}` });
    const page1 = await t.http.get(`${API}/cases`).query({ organisationId: tree.provinceId, state: 'sympathiser', limit: 2 });
    expect(page1.status).toBe(200);
    expect(page1.body.items).toHaveLength(2);
    expect(page1.body.nextCursor).toEqual(expect.any(String));
    const page2 = await t.http.get(`${API}/cases`).query({ organisationId: tree.provinceId, state: 'sympathiser', limit: 2, cursor: page1.body.nextCursor });
    expect(page2.body.items).toHaveLength(1);
    const ids = [...page1.body.items, ...page2.body.items].map((i: { id: string }) => i.id);
    expect(new Set(ids).size).toBe(3);
    for (const [query, field] of [
      [{ state: 'dreaming' }, 'state'],
      [{ limit: 0 }, 'limit'],
      [{ limit: 201 }, 'limit'],
      [{ dueBefore: '2026-02-30' }, 'dueBefore'],
      [{ organisationId: 'abc' }, 'organisationId'],
    ] as const) {
      const res = await t.http.get(`${API}/cases`).query(query);
      expect(res.status).toBe(400);
      expect(res.body.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    }
  });

  describe('one case, one spelling of its id', () => {
    /** A case id written in upper case, and in a mix of cases. */
    const spellings = (id: string) => ({ lower: id, upper: id.toUpperCase(), mixed: id.replace(/[a-f]/g, (ch, i: number) => (i % 2 ? ch.toUpperCase() : ch)) });

    it('an event sent to the upper-case id is chained under the canonical id: the history still verifies', async () => {
      const c = await openCase(t.http, cellId);
      const { upper, mixed } = spellings(c.id);
      const res = await t.http.post(`${API}/cases/${upper}/events`).send(cert);
      expect(res.status).toBe(200);
      expect(res.body.id).toBe(c.id);
      await record(t.http, mixed, 'DOSSIER_OPENED', '2026-01-06', { resolutionNo: 'NQ-1' });
      const verdict = (await t.http.get(`${API}/cases/${c.id}/verify`)).body;
      expect(verdict).toMatchObject({ valid: true, events: 3, expectedEvents: 3 });
      expect((await t.http.get(`${API}/cases/${upper}/verify`)).body).toEqual(verdict);
    });

    it('one Idempotency-Key sent to the lower-, upper- and mixed-case id writes one event and replays its answer', async () => {
      const c = await openCase(t.http, cellId);
      const key = `cert-${c.id}`;
      const answers = [];
      for (const id of Object.values(spellings(c.id))) {
        answers.push(await t.http.post(`${API}/cases/${id}/events`).set('Idempotency-Key', key).send(cert));
      }
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
      expect(answers[1].body).toEqual(answers[0].body);
      expect(answers[2].body).toEqual(answers[0].body);
      expect(await snapshotOf(t.http, c.id)).toEqual({ version: 2, events: 2 });
    });

    it('reads answer the same case, deadlines and history whatever the spelling', async () => {
      const c = await openCase(t.http, cellId);
      await record(t.http, c.id, 'AWARENESS_CERTIFICATE_RECORDED', '2026-01-06', { certificateNo: 'CN-2', issuedOn: '2026-01-06', issuer: 'Trung tâm' });
      const { lower, upper } = spellings(c.id);
      const [a, b] = await Promise.all([t.http.get(`${API}/cases/${lower}`), t.http.get(`${API}/cases/${upper}`)]);
      expect(b.body).toEqual(a.body);
      expect(a.body.deadlines.length).toBeGreaterThan(0);
      const [h1, h2] = await Promise.all([t.http.get(`${API}/cases/${lower}/events`), t.http.get(`${API}/cases/${upper}/events`)]);
      expect(h2.body).toEqual(h1.body);
      expect(h1.body).toHaveLength(2);
    });

    it('an organisation id in upper case opens the case in that cell', async () => {
      const res = await t.http.post(`${API}/cases`).send({ organisationId: cellId.toUpperCase(), occurredOn: '2026-01-05', candidate: CANDIDATE });
      expect(res.status).toBe(201);
      expect(res.body.organisationId).toBe(cellId);
    });
  });

  describe('concurrent writes without If-Match', () => {
    /** A case in the dossier stage, where verification requests can be recorded in any number and order. */
    async function dossierCase() {
      const c = await openCase(t.http, cellId);
      await record(t.http, c.id, 'AWARENESS_CERTIFICATE_RECORDED', '2026-01-06', { certificateNo: 'CN-3', issuedOn: '2026-01-06', issuer: 'Trung tâm' });
      await record(t.http, c.id, 'DOSSIER_OPENED', '2026-01-06', { resolutionNo: 'NQ-3' });
      return c;
    }

    it('fifty writes at once to one case take turns: every one is recorded, in one unbroken chain', async () => {
      const c = await dossierCase();
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          t.http.post(`${API}/cases/${c.id}/events`).send({ type: 'VERIFICATION_REQUESTED', occurredOn: '2026-01-06', requestId: `TT-${i}`, scope: 'domestic', subject: `Người thân ${i}` }),
        ),
      );
      expect(answers.filter((a) => a.status !== 200).map((a) => [a.status, a.body.code])).toEqual([]);
      const versions = answers.map((a) => a.body.version as number).sort((x, y) => x - y);
      expect(versions).toEqual(Array.from({ length: 50 }, (_, i) => 4 + i));
      expect(await snapshotOf(t.http, c.id)).toEqual({ version: 53, events: 53 });
      expect((await t.http.get(`${API}/cases/${c.id}/verify`)).body).toMatchObject({ valid: true, events: 53 });
    });

    it('a write that waits too long behind another holding the case answers 503 CASE_BUSY with Retry-After and writes nothing', async () => {
      const c = await dossierCase();
      const before = await snapshotOf(t.http, c.id);
      const db = t.app.get(DataSource);
      const runner = db.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      try {
        await runner.query(`SELECT 1 FROM cases WHERE id = $1 FOR UPDATE`, [c.id]);
        const res = await t.http.post(`${API}/cases/${c.id}/events`).send({ type: 'VERIFICATION_REQUESTED', occurredOn: '2026-01-06', requestId: 'TT-x', scope: 'domestic', subject: 'Cha' });
        expect(res.status).toBe(503);
        expect(res.headers['retry-after']).toBe('1');
        expect(res.body).toMatchObject({ code: 'CASE_BUSY', message: expect.any(String), messageVi: expect.any(String) });
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
      expect(await snapshotOf(t.http, c.id)).toEqual(before);
    });

    it('a write decided on the case as read, stored after another changed it, is decided again on the case as it then is', async () => {
      const c = await dossierCase();
      const db = t.app.get(DataSource);
      const waiting = async (n: number) => {
        for (let i = 0; i < 500; i += 1) {
          const [{ count }]: { count: number }[] = await db.query(
            `SELECT count(*)::int AS count FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          );
          if (count >= n) return;
          await new Promise((r) => setTimeout(r, 10));
        }
        throw new Error(`${n} writers never waited for the case`);
      };
      const holder = db.createQueryRunner();
      await holder.connect();
      await holder.startTransaction();
      let withdrawal: Promise<{ status: number; body: Record<string, unknown> }>;
      let request: Promise<{ status: number; body: Record<string, unknown> }>;
      try {
        await holder.query(`SELECT 1 FROM cases WHERE id = $1 FOR UPDATE`, [c.id]);
        // First in line for the case: a withdrawal carrying a key (it locks the case before deciding).
        withdrawal = Promise.resolve(t.http.post(`${API}/cases/${c.id}/events`).set('Idempotency-Key', `w-${c.id}`).send({ type: 'WITHDRAWN', occurredOn: '2026-01-06', reason: 'Xin rút' }));
        await waiting(1);
        // Then a plain write: it reads the case in the dossier stage, accepts the request and waits to store it.
        request = Promise.resolve(t.http.post(`${API}/cases/${c.id}/events`).send({ type: 'VERIFICATION_REQUESTED', occurredOn: '2026-01-06', requestId: 'TT-late', scope: 'domestic', subject: 'Mẹ' }));
        await waiting(2);
      } finally {
        await holder.rollbackTransaction();
        await holder.release();
      }
      const [w, r] = await Promise.all([withdrawal!, request!]);
      expect(w.status).toBe(200);
      expect(w.body).toMatchObject({ state: 'withdrawn', version: 4 });
      // Stored after the withdrawal, the request would not have been accepted: it is refused, nothing written.
      expect(r.status).toBe(422);
      expect(r.body).toMatchObject({ code: 'EVENT_NOT_ALLOWED', state: 'withdrawn' });
      expect(await snapshotOf(t.http, c.id)).toEqual({ version: 4, events: 4 });
      expect((await t.http.get(`${API}/cases/${c.id}/verify`)).body).toMatchObject({ valid: true, events: 4 });
    });
  });
});
