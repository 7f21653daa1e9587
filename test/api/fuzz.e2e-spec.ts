import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { API, createOrganisationTree, OrganisationTree, startTestApp, TestApp } from '../support/app';
import { createTestDataSource } from '../support/database';
import { FuzzPools, FuzzRequest, OpenApiDocument, Operation, operationsOf, RequestGenerator } from '../support/fuzz/openapi-requests';
import { installWriteCounter, WriteCounter } from '../support/write-counter';
import { CANDIDATE, openCase, record } from './helpers';

/** Fixed: a failure names this seed and is replayed exactly. */
const SEED = 20261202;
/** Requests per operation fuzzed (the document lists about forty). */
const RUNS_PER_OPERATION = 70;

/**
 * Operations that would end the fuzzing session, not fuzzed. Deleting the admin account or resetting its password
 * is left out by data instead: the pool of user ids holds only the account the run created, so
 * `DELETE /users/{id}` and `POST /users/{id}/password` are fuzzed.
 */
const EXCLUDED: Record<string, string> = {
  'POST /api/v1/auth/logout': 'ends the session every request of the run is sent with',
  'DELETE /api/v1/auth/session': 'ends the session every request of the run is sent with (as POST /auth/logout)',
  'POST /api/v1/auth/password': "changes the admin's own password, which ends every session of the account",
};

/**
 * Tables a refused request legitimately writes, left out of the write count: a failed login records the failure
 * (`login_attempts`) on the way to its 401 or 429, which is how the lockout counts.
 */
const WRITTEN_BY_REFUSALS = ['login_attempts'];

/** Years whose calendar the fuzzing may replace; no other test computes with them, and they are removed after. */
const CALENDAR_YEARS = ['2097', '2098'];

/**
 * Every operation of the OpenAPI document fuzzed with requests generated from its schemas, valid values mixed with
 * hostile ones (NUL, lone surrogates, huge strings, -0, 1e400, wrong types, dates of 0000 and 9999, deep nesting,
 * unknown fields, random UUIDs, forged cursors). Whatever the request: never a 5xx, every refusal in the documented
 * shape, and no write from a refused request (statement-level triggers count every row written to the database).
 */
describe('fuzzing the API from its OpenAPI document', () => {
  let t: TestApp;
  let tree: OrganisationTree;
  let doc: OpenApiDocument;
  let pools: FuzzPools;
  let dataSource: DataSource;
  let writes: WriteCounter;

  beforeAll(async () => {
    t = await startTestApp({ today: '2026-03-02', env: { WRITE_RATE_LIMIT_PER_MINUTE: '100000', LOGIN_RATE_LIMIT_PER_MINUTE: '100000' } });
    ({ tree, pools } = await seed(t));
    doc = (await t.http.get('/api/docs-json')).body as OpenApiDocument;
    dataSource = await createTestDataSource();
    writes = await installWriteCounter(dataSource, { except: WRITTEN_BY_REFUSALS });
  });

  afterAll(async () => {
    await writes?.uninstall();
    if (dataSource?.isInitialized) {
      // What the run leaves that another test file could meet: replaced calendar years and live webhooks.
      await dataSource.query(`DELETE FROM calendar_overrides WHERE year = ANY($1::int[])`, [CALENDAR_YEARS.map(Number)]);
      if (tree) await dataSource.query(`UPDATE webhooks SET active = false WHERE organisation_id IN (SELECT id FROM organisations WHERE path LIKE $1)`, [`%/${tree.provinceId}/%`]);
      await dataSource.destroy();
    }
    await t?.close();
  });

  it('counts writes to every table but those a refusal writes, and only committed ones', async () => {
    expect(writes.tables).toEqual(expect.arrayContaining(['cases', 'case_events', 'organisations', 'users', 'sessions', 'webhooks', 'imports', 'calendar_overrides', 'admission_targets']));
    expect(writes.tables).not.toContain('login_attempts');
    const before = await writes.read();
    expect((await t.http.post(`${API}/organisations`).send({ name: 'Chi bộ đếm', kind: 'cell', parentId: tree.grassrootsId })).status).toBe(201);
    expect(await writes.read()).toBeGreaterThan(before);
    const counted = await writes.read();
    await expect(dataSource.transaction(async (m) => {
      await m.query(`UPDATE organisations SET name = name WHERE id = $1`, [tree.cellId]);
      throw new Error('rolled back on purpose');
    })).rejects.toThrow('rolled back on purpose');
    expect(await writes.read()).toBe(counted);
  });

  it(
    'answers every generated request without a 5xx, refuses in the documented shape and writes nothing when it refuses',
    async () => {
      const operations = operationsOf(doc).filter((op) => !(key(op) in EXCLUDED));
      expect(operations.length).toBeGreaterThanOrEqual(35);
      expect(operationsOf(doc).map(key)).toEqual(expect.arrayContaining(Object.keys(EXCLUDED)));
      const generator = new RequestGenerator(doc, pools);
      const failures: string[] = [];
      const answered = new Map<string, Set<number>>();
      for (const op of operations) {
        const statuses = new Set<number>();
        answered.set(key(op), statuses);
        try {
          await fc.assert(
            fc.asyncProperty(generator.requests(op), async (request) => {
              statuses.add(await check(request));
            }),
            { seed: SEED, numRuns: RUNS_PER_OPERATION, endOnFailure: true, includeErrorInReport: true },
          );
        } catch (e) {
          failures.push(`${key(op)}: ${(e as Error).message.slice(0, 3_000)}`);
        }
      }
      expect(failures).toEqual([]);
      // The generator reaches past authentication and validation: every operation got some answer other than a
      // refusal of the token, and the run as a whole both accepted and refused.
      for (const [op, statuses] of answered) expect({ op, reached: [...statuses].some((s) => s !== 401) }).toEqual({ op, reached: true });
      const all = [...answered.values()].flatMap((s) => [...s]);
      expect(all.some((s) => s < 300)).toBe(true);
      expect(all.some((s) => s === 400)).toBe(true);
    },
    600_000,
  );

  /** Sends one request; throws (naming it) unless the answer keeps the contract for bad input. Answers the status. */
  async function check(request: FuzzRequest): Promise<number> {
    const before = await writes.read();
    const res = await send(request);
    const after = await writes.read();
    const what = () =>
      `${request.method} ${request.url.slice(0, 400)}${request.anonymous ? ' (no token)' : ''} ${JSON.stringify(request.headers)} ` +
      `${request.body ? `${request.body.contentType} ${JSON.stringify(request.body.text.slice(0, 400))}` : ''} → ${res.status} ${(res.text ?? '').slice(0, 400)}`;
    if (res.status >= 500) throw new Error(`answered ${res.status}: ${what()}`);
    if (res.status >= 400) {
      const body = res.body as { code?: unknown; message?: unknown } | undefined;
      if (typeof body?.code !== 'string' || typeof body.message !== 'string') throw new Error(`a refusal without code and message: ${what()}`);
      if (after !== before) throw new Error(`a refused request wrote ${after - before} row(s): ${what()}`);
    }
    return res.status;
  }

  function send(request: FuzzRequest) {
    const agent = request.anonymous ? t.anonymous : t.http;
    const method = request.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    let req = agent[method](request.url);
    for (const [name, value] of Object.entries(request.headers)) req = req.set(name, value);
    if (request.body) req = req.set('content-type', request.body.contentType).send(request.body.text);
    return req;
  }
});

function key(op: Operation): string {
  return `${op.method} ${op.path}`;
}

/**
 * Things the generated requests can name: an organisation tree with a village cell, cases (one with a dossier
 * under way), an account, a webhook, an import, and the cursors of the paged lists.
 */
async function seed(t: TestApp): Promise<{ tree: OrganisationTree; pools: FuzzPools }> {
  const tree = await createOrganisationTree(t.http, { villageCell: true, label: 'fuzz' });
  const cases = [await openCase(t.http, tree.cellId), await openCase(t.http, tree.cellId, '2026-01-05', { fullName: 'Trần Thị Hoa' }), await openCase(t.http, tree.villageCellId!)];
  await record(t.http, cases[0].id, 'AWARENESS_CERTIFICATE_RECORDED', '2026-01-06', { certificateNo: 'CN-1', issuedOn: '2026-01-06', issuer: 'Trung tâm chính trị' });
  await record(t.http, cases[0].id, 'DOSSIER_OPENED', '2026-01-07', { resolutionNo: 'NQ-7' });
  const ok = <T>(res: { status: number; body: T }, what: string): T => {
    if (res.status >= 300) throw new Error(`${what} answered ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const user = ok(await t.http.post(`${API}/users`).send({ username: 'fz.secretary', password: 'fuzz-password-1', fullName: 'Phạm Thị Thử', organisationId: tree.cellId, roles: ['cell_secretary'] }), 'the account');
  const webhook = ok(await t.http.post(`${API}/webhooks`).send({ organisationId: tree.cellId, url: 'http://127.0.0.1:9/fuzz' }), 'the webhook');
  const row = { externalId: 'FZ-SEED', organisationId: tree.cellId, openedOn: '2026-01-05', ...CANDIDATE, religion: undefined, youthUnionMember: 'true', tradeUnionMember: 'false' };
  const imported = ok(await t.http.post(`${API}/imports`).send({ rows: [row] }), 'the import');
  const cursors = [
    (await t.http.get(`${API}/cases?limit=1`)).body.nextCursor,
    (await t.http.get(`${API}/audit/deadlines?status=all&limit=1`)).body.nextCursor,
    (await t.http.get(`${API}/audit/violations?limit=1`)).body.nextCursor,
    (await t.http.get(`${API}/imports?limit=1`)).body.nextCursor,
  ].filter((c): c is string => typeof c === 'string');
  const pools: FuzzPools = {
    organisationIds: [tree.provinceId, tree.communeId, tree.grassrootsId, tree.cellId, tree.villageCellId!],
    cellIds: [tree.cellId, tree.villageCellId!],
    caseIds: cases.map((c) => c.id),
    userIds: [(user as { id: string }).id],
    usernames: ['fz.secretary'],
    webhookIds: [(webhook as { id: string }).id],
    importIds: [(imported as { importId: string }).importId],
    cursors,
    calendarYears: CALENDAR_YEARS,
  };
  return { tree, pools };
}
