/**
 * `npm run bench:national`: the read side at national size. Generates 63 provinces' trees (bench/national-tree.ts)
 * and BENCH_NATIONAL_CASES cases (default 1,000,000) with their events, deadlines and audit findings, then measures,
 * at 16 concurrent readers, the service calls behind the case list (as kept, and with every case of the page read
 * whole) and a name search within a commune, the worklist
 * of a cell and of a commune, the violations page (first page and deep pages reached by keyset cursor) and the
 * statistics of a province for a year. Writes the section "## National size: <n> cases" of docs/benchmarks.md with
 * p50/p95/max per query and the `EXPLAIN (ANALYZE, BUFFERS)` plan of each query's slowest statement.
 *
 * Generation: a dozen template cases are driven through the real engine (CasesService) to every stage of the
 * procedure, their findings computed by the real checks; then every case is a copy of one template written in SQL
 * (`INSERT … SELECT generate_series`), moved by a whole number of weeks, given its own candidate and cell.
 *
 * Environment: BENCH_DATABASE_URL (its public schema is dropped and recreated), BENCH_NATIONAL_CASES,
 * BENCH_NATIONAL_REQUESTS (requests per query, default 480), BENCH_NATIONAL_READERS (default 16); while working on a
 * query: BENCH_NATIONAL_REUSE=1 (keep the database of the last run), BENCH_NATIONAL_ONLY=<part of a query name>,
 * BENCH_NATIONAL_DEBUG=1 (print every statement of one request with its time).
 */
import 'reflect-metadata';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../apps/api/src/app.module';
import { loadConfig } from '@charterflow/config';
import { CasesService, KeptCaseViews, searchText, WorklistQuery } from '@charterflow/cases';
import { ComplianceService, StatisticsService } from '@charterflow/audit';
import { OrganisationsService, Scope } from '@charterflow/organisations';
import { BusinessDate, Candidate, DomainEvent } from '@charterflow/procedure';
import { Actor, FixedClock } from '@charterflow/kernel';
import { DEFAULT_BENCH_DATABASE_URL, prepareBenchDatabase, redactUrl, serverVersion } from './database';
import { positiveInt } from './env';
import { nationalTree, PROVINCES } from './national-tree';
import { Client, pg } from './pg';
import { writeSection } from './report';
import { fmt, percentile, runConcurrently, RunResult } from './stats';

const REPORT_PATH = resolve(__dirname, '..', 'docs', 'benchmarks.md');
/** One section per size, so that the 10,000, 100,000 and 1,000,000 runs stand side by side. */
const sectionOf = (count: number): string => `## National size: ${count.toLocaleString('en-US')} cases`;
/** The day the readers read on (the clock stands at 10:00 in Ho Chi Minh City). */
const TODAY: BusinessDate = '2026-12-31';
/** Templates are driven on the dates of the lifecycle test moved back this many days (104 weeks): opened on 2024-01-08. */
const TEMPLATE_BACK_DAYS = 728;
const BATCH = 50_000;
const STAFF: Actor = { kind: 'user', userId: null, username: 'seed', organisationId: null, roles: ['admin'] };

type Step = { on: string; event: { type: string } & Record<string, unknown>; clock?: string };
const SPONSOR = { name: 'Trần Văn Bình', memberId: 'M-001', fullMemberSince: '2015-01-01', togetherSince: '2023-01-01' };

/** One admission and recognition, dated as in test/api/lifecycle.e2e-spec.ts (2026 dates, moved back when driven). */
function lifecycle(late: boolean): Step[] {
  const decided = late ? '2026-06-01' : '2026-03-02';
  const received = late ? '2026-06-03' : '2026-03-04';
  const ceremony = late ? '2026-06-19' : '2026-03-20';
  return [
    { on: '2026-01-06', event: { type: 'AWARENESS_CERTIFICATE_RECORDED', certificateNo: 'CN-1', issuedOn: '2026-01-06', issuer: 'Trung tâm chính trị phường' } },
    { on: '2026-01-07', event: { type: 'DOSSIER_OPENED', resolutionNo: 'NQ-7' } },
    { on: '2026-01-07', event: { type: 'APPLICATION_FILED' } },
    { on: '2026-01-08', event: { type: 'BIOGRAPHY_FILED' } },
    { on: '2026-01-08', event: { type: 'VERIFICATION_REQUESTED', requestId: 'req-1', scope: 'domestic', subject: 'cha đẻ' } },
    { on: '2026-01-12', event: { type: 'VERIFICATION_REPLIED', requestId: 'req-1' } },
    { on: '2026-01-12', event: { type: 'BIOGRAPHY_CERTIFIED', politicalIssue: false } },
    { on: '2026-01-13', event: { type: 'INTRODUCING_RESOLUTION_RECORDED', body: 'youth_union', resolutionNo: 'NQ-ĐTN-3' } },
    { on: '2026-01-13', event: { type: 'SPONSOR_ADDED', sponsor: SPONSOR } },
    { on: '2026-01-14', event: { type: 'OPINIONS_RECORDED', organisations: ['Đoàn TNCS Hồ Chí Minh'], residenceCell: true } },
    { on: '2026-01-15', event: { type: 'CELL_VOTE_RECORDED', fullMembers: 9, excluded: 0, inFavour: 6 } },
    { on: '2026-02-02', event: { type: 'GRASSROOTS_VOTE_RECORDED', committeeMembers: 9, inFavour: 7 } },
    { on: decided, clock: received, event: { type: 'ADMISSION_DECIDED', decisionNo: '123-QĐ/ĐU', standingMembers: 7, inFavour: 5, receivedOn: received } },
    { on: ceremony, event: { type: 'CEREMONY_HELD', helper: { name: 'Trần Văn Bình', memberId: 'M-001' } } },
    { on: '2026-07-01', event: { type: 'MEMBER_RECORDS_FILED' } },
    { on: '2026-08-03', event: { type: 'NEW_MEMBER_CLASS_COMPLETED', certificateNo: 'BD-9' } },
    { on: '2027-06-21', event: { type: 'SELF_REVIEW_SUBMITTED' } },
    { on: '2027-06-21', event: { type: 'HELPER_ASSESSMENT_SUBMITTED' } },
    { on: '2027-06-28', event: { type: 'RECOGNITION_OPINIONS_RECORDED' } },
    { on: '2027-07-05', event: { type: 'RECOGNITION_CELL_VOTE_RECORDED', fullMembers: 10, excluded: 1, inFavour: 6, motion: 'recognise' } },
    { on: '2027-07-12', event: { type: 'RECOGNITION_GRASSROOTS_VOTE_RECORDED', committeeMembers: 9, inFavour: 6, motion: 'recognise' } },
    { on: '2027-07-20', event: { type: 'RECOGNITION_DECIDED', decisionNo: '456-QĐ/ĐU', standingMembers: 7, inFavour: 4, motion: 'recognise' } },
  ];
}

/**
 * The templates: how many steps after CASE_OPENED, the share of all cases (per mille), and whether the case is still
 * under way (its last step falls in the last 30 weeks before today) or done (any date that ends before today). Most
 * cases under way are early in the procedure; one in ten admissions was decided after the 45-working-day limit.
 */
const TEMPLATES: { name: string; steps: number; perMille: number; underWay: boolean; late?: boolean }[] = [
  { name: 'sympathiser', steps: 0, perMille: 120, underWay: true },
  { name: 'awarenessCertified', steps: 1, perMille: 100, underWay: true },
  { name: 'dossier', steps: 5, perMille: 100, underWay: true },
  { name: 'cellReview', steps: 10, perMille: 50, underWay: true },
  { name: 'grassrootsReview', steps: 11, perMille: 30, underWay: true },
  { name: 'superiorReview', steps: 12, perMille: 30, underWay: true },
  { name: 'awaitingCeremony', steps: 13, perMille: 20, underWay: true },
  { name: 'probation', steps: 16, perMille: 225, underWay: true },
  { name: 'probation, decided late', steps: 16, perMille: 25, underWay: true, late: true },
  { name: 'recognitionReview', steps: 19, perMille: 30, underWay: true },
  { name: 'fullMember', steps: 22, perMille: 245, underWay: false },
  { name: 'fullMember, decided late', steps: 22, perMille: 25, underWay: false, late: true },
];
const UNDER_WAY_WEEKS = 30;

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Quốc', 'Thị Thu', 'Văn Hoàng'];
const GIVEN = ['An', 'Bình', 'Chi', 'Dũng', 'Hà', 'Hải', 'Hạnh', 'Hoa', 'Hùng', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Phương', 'Quân', 'Thảo', 'Trang', 'Tuấn', 'Vy', 'Đào', 'Sơn', 'Khánh', 'Yến'];
const OCCUPATIONS = ['worker', 'farmer', 'student', 'civil_servant', 'teacher', 'soldier', 'business'];

const addDays = (date: string, days: number): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const weeksBetween = (from: string, to: string): number => Math.floor((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / (7 * 86_400_000));

async function timeIt<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const t0 = process.hrtime.bigint();
  const result = await work();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, result };
}

/** The organisations of the national tree, in SQL from the flat columns of `nationalTree`. */
async function generateTree(db: Client): Promise<{ communes: number; grassroots: number; cells: number }> {
  const t = nationalTree();
  const P = `md5('national-p' || p)::uuid`;
  const C = `md5('national-p' || p || '-c' || c)::uuid`;
  const G = `md5('national-p' || p || '-c' || c || '-g' || g)::uuid`;
  const K = `md5('national-p' || p || '-c' || c || '-g' || g || '-k' || k)::uuid`;
  await db.query(
    `INSERT INTO organisations (id, name, kind, parent_id, path)
     SELECT ${P}, 'Tỉnh ủy ' || lpad(p::text, 2, '0'), 'province', NULL, '/' || ${P} || '/' FROM generate_series(1, $1::int) AS p`,
    [PROVINCES],
  );
  await db.query(
    `INSERT INTO organisations (id, name, kind, parent_id, path)
     SELECT ${C}, 'Đảng ủy xã ' || p || '.' || c, 'commune', ${P}, '/' || ${P} || '/' || ${C} || '/'
     FROM unnest($1::int[], $2::int[]) AS u(p, c)`,
    [t.communes.province, t.communes.commune],
  );
  await db.query(
    `INSERT INTO organisations (id, name, kind, parent_id, path)
     SELECT ${G}, 'Đảng ủy cơ sở ' || p || '.' || c || '.' || g, 'grassroots', ${C}, '/' || ${P} || '/' || ${C} || '/' || ${G} || '/'
     FROM unnest($1::int[], $2::int[], $3::int[]) AS u(p, c, g)`,
    [t.grassroots.province, t.grassroots.commune, t.grassroots.grassroots],
  );
  await db.query(
    `INSERT INTO organisations (id, name, kind, parent_id, path)
     SELECT ${K}, 'Chi bộ ' || p || '.' || c || CASE WHEN g = 0 THEN ' thôn ' ELSE '.' || g || '.' END || k, 'cell',
            CASE WHEN g = 0 THEN ${C} ELSE ${G} END,
            '/' || ${P} || '/' || ${C} || '/' || CASE WHEN g = 0 THEN '' ELSE ${G} || '/' END || ${K} || '/'
     FROM unnest($1::int[], $2::int[], $3::int[], $4::int[]) AS u(p, c, g, k)`,
    [t.cells.province, t.cells.commune, t.cells.grassroots, t.cells.cell],
  );
  return { communes: t.communes.commune.length, grassroots: t.grassroots.grassroots.length, cells: t.cells.cell.length };
}

/** Drives the template cases through the engine; answers their ids with their share and the weeks they may move. */
async function driveTemplates(cases: CasesService, clock: FixedClock, cellId: string): Promise<{ id: string; perMille: number; minWeeks: number; maxWeeks: number }[]> {
  const out: { id: string; perMille: number; minWeeks: number; maxWeeks: number }[] = [];
  const back = (d: string) => addDays(d, -TEMPLATE_BACK_DAYS);
  for (const t of TEMPLATES) {
    const opened = back('2026-01-05');
    clock.set(`${opened}T03:00:00.000Z`);
    const candidate: Candidate = {
      fullName: 'Nguyễn Thị Lan', dateOfBirth: '2000-03-15', gender: 'female', ethnicity: 'Kinh', religion: null,
      education: 'upper_secondary', youthUnionMember: true, tradeUnionMember: false, areaType: 'standard', occupation: 'worker',
    };
    const view = await cases.create({ organisationId: cellId, occurredOn: opened, candidate }, STAFF);
    let last = opened;
    for (const step of lifecycle(t.late ?? false).slice(0, t.steps)) {
      clock.set(`${back(step.clock ?? step.on)}T03:00:00.000Z`);
      // The dates inside the payload (issuedOn, receivedOn) move with the step.
      const payload = Object.fromEntries(Object.entries(step.event).map(([k, v]) => [k, typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? back(v) : v]));
      await cases.dispatch(view.id, { ...payload, occurredOn: back(step.on) } as unknown as DomainEvent, STAFF);
      last = back(step.clock ?? step.on);
    }
    const maxWeeks = weeksBetween(last, TODAY);
    out.push({ id: view.id, perMille: t.perMille, minWeeks: t.underWay ? Math.max(0, maxWeeks - UNDER_WAY_WEEKS) : 0, maxWeeks });
  }
  return out;
}

/**
 * Copies of the templates for cases [from, to]: the case (its own id, candidate, search text and cell; the template's
 * snapshot with that candidate), its events, deadlines and findings moved by the case's whole number of weeks (a finding dated after
 * today is left out), its outcomes (`case_outcomes`) moved the same way, and its audit state marked fresh. Triggers
 * are off for the copy (session_replication_role).
 */
async function copyCases(db: Client, from: number, to: number, today: string): Promise<void> {
  // Ids grow with the case number and rows are written in that order, so every index on a case id is appended to
  // rather than written at random; which cell a case is in stays random.

  await db.query('BEGIN');
  await db.query(`CREATE TEMP TABLE plan ON COMMIT DROP AS
    SELECT g, (lpad(to_hex(g), 8, '0') || '-0000-4000-8000-000000000000')::uuid AS id, t.case_id AS template,
           (7 * (t.min_weeks + abs(hashint4(g * 7 + 1)::bigint) % (t.max_weeks - t.min_weeks + 1)))::int AS shift,
           k.id AS cell, k.province
    FROM generate_series($1::int, $2::int) AS g
    JOIN national_cells k ON k.n = 1 + abs(hashint4(g * 13 + 5)::bigint) % (SELECT count(*) FROM national_cells)
    JOIN national_templates t ON abs(hashint4(g)::bigint) % 1000 >= t.lo AND abs(hashint4(g)::bigint) % 1000 < t.hi`, [from, to]);
  await db.query(`INSERT INTO cases (id, organisation_id, state, snapshot, machine_version, procedure_version, version, candidate, search_text, last_seq, last_hash, created_at, updated_at)
    SELECT p.id, p.cell, c.state, jsonb_set(c.snapshot, '{machine,context,candidate}', k.candidate), c.machine_version, c.procedure_version, c.version,
           k.candidate, n.folded, c.last_seq, c.last_hash, c.created_at + p.shift * interval '1 day', c.updated_at + p.shift * interval '1 day'
    FROM plan p JOIN cases c ON c.id = p.template
    CROSS JOIN LATERAL (SELECT (national_names.full_names)[1 + p.g % array_length(national_names.full_names, 1)] AS full_name,
                               (national_names.folded_names)[1 + p.g % array_length(national_names.folded_names, 1)] AS folded,
                               (national_names.occupations)[1 + p.g % array_length(national_names.occupations, 1)] AS occupation
                        FROM national_names) n
    CROSS JOIN LATERAL (SELECT c.candidate || jsonb_build_object('fullName', n.full_name, 'dateOfBirth', (DATE '1990-01-01' + (abs(hashint4(p.g * 3)::bigint) % 4000)::int)::text,
                                 'gender', CASE WHEN p.g % 2 = 0 THEN 'female' ELSE 'male' END, 'occupation', n.occupation) AS candidate) k
    ORDER BY p.g`);
  await db.query(`INSERT INTO case_events (case_id, seq, type, payload, occurred_on, recorded_at, actor, from_state, to_state, prev_hash, hash)
    SELECT p.id, e.seq, e.type, e.payload, e.occurred_on + p.shift, e.recorded_at + p.shift * interval '1 day', e.actor, e.from_state, e.to_state, e.prev_hash, e.hash
    FROM plan p JOIN case_events e ON e.case_id = p.template
    ORDER BY p.g, e.seq`);
  await db.query(`INSERT INTO deadlines (id, case_id, key, kind, base_on, due_on, original_due_on, extended_by, status, source, rule_set, opened_on, closed_on, late_working_days, reference, updated_at)
    SELECT (lpad(to_hex(p.g), 8, '0') || '-' || lpad(to_hex(row_number() OVER (PARTITION BY p.g ORDER BY d.key)::int), 4, '0') || '-4000-9000-000000000000')::uuid, p.id, d.key, d.kind, d.base_on + p.shift, d.due_on + p.shift, d.original_due_on + p.shift, d.extended_by, d.status,
           d.source, d.rule_set, d.opened_on + p.shift, d.closed_on + p.shift, d.late_working_days, d.reference, d.updated_at + p.shift * interval '1 day'
    FROM plan p JOIN deadlines d ON d.case_id = p.template
    ORDER BY p.g, d.key`);
  await db.query(`INSERT INTO compliance_findings (case_id, check_id, organisation_id, province_id, severity, detected_on, event_seq, evidence, computed_on)
    SELECT p.id, f.check_id, p.cell, p.province, f.severity, f.detected_on + p.shift, f.event_seq, f.evidence, $1::date
    FROM plan p JOIN compliance_findings f ON f.case_id = p.template
    WHERE f.detected_on IS NULL OR f.detected_on + p.shift <= $1::date
    ORDER BY p.g, f.check_id`, [today]);
  // The outcomes the statistics count, which the triggers (off here) would have written: the template's, moved.
  await db.query(`INSERT INTO case_outcomes (case_id, seq, kind, occurred_on, province_id)
    SELECT p.id, o.seq, o.kind, o.occurred_on + p.shift, p.province FROM plan p JOIN case_outcomes o ON o.case_id = p.template
    ORDER BY p.g, o.seq`);
  await db.query(`INSERT INTO audit_case_state (case_id, dirty, computed_on, recheck_on) SELECT p.id, false, $1::date, NULL FROM plan p ORDER BY p.g`, [today]);
  await db.query('COMMIT');
}

async function generate(url: string, cases: CasesService, compliance: ComplianceService, clock: FixedClock, count: number): Promise<string[]> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const lines: string[] = [];
  try {
    const tree = await timeIt(() => generateTree(db));
    lines.push(`organisation tree: ${fmt(tree.ms / 1000)} s`);
    process.stdout.write(`tree: ${JSON.stringify(tree.result)} in ${fmt(tree.ms / 1000)} s\n`);
    const templateCell = (await db.query<{ id: string }>(`SELECT md5('national-p1-c1-g1-k1')::uuid AS id`)).rows[0].id;
    const templates = await timeIt(() => driveTemplates(cases, clock, templateCell));
    clock.set(`${TODAY}T03:00:00.000Z`);
    await compliance.refresh();
    lines.push(`${TEMPLATES.length} template cases through the engine and their checks: ${fmt(templates.ms / 1000)} s`);

    await db.query(`CREATE UNLOGGED TABLE national_cells AS SELECT row_number() OVER (ORDER BY path) AS n, id, split_part(path, '/', 2)::uuid AS province FROM organisations WHERE kind = 'cell' AND id <> $1`, [templateCell]);
    await db.query(`CREATE UNIQUE INDEX ON national_cells (n)`);
    let lo = 0;
    const bands = templates.result.map((t) => {
      const band = { id: t.id, lo, hi: lo + t.perMille, minWeeks: t.minWeeks, maxWeeks: t.maxWeeks };
      lo += t.perMille;
      return band;
    });
    if (lo !== 1000) throw new Error(`template shares add up to ${lo} per mille`);
    await db.query(`CREATE UNLOGGED TABLE national_templates AS
      SELECT * FROM unnest($1::uuid[], $2::int[], $3::int[], $4::int[], $5::int[]) AS t(case_id, lo, hi, min_weeks, max_weeks)`,
    [bands.map((b) => b.id), bands.map((b) => b.lo), bands.map((b) => b.hi), bands.map((b) => b.minWeeks), bands.map((b) => b.maxWeeks)]);
    const names = FAMILY.flatMap((f) => MIDDLE.flatMap((m) => GIVEN.map((g) => `${f} ${m} ${g}`)));
    await db.query(`CREATE UNLOGGED TABLE national_names AS SELECT $1::text[] AS full_names, $2::text[] AS folded_names, $3::text[] AS occupations`, [names, names.map(searchText), OCCUPATIONS]);

    await db.query(`SET session_replication_role = replica`);
    await db.query(`SET synchronous_commit = off`);
    await db.query(`SET work_mem = '256MB'`);
    const copied = await timeIt(async () => {
      for (let from = 1; from <= count; from += BATCH) {
        await copyCases(db, from, Math.min(count, from + BATCH - 1), TODAY);
        process.stdout.write(`  ${Math.min(count, from + BATCH - 1).toLocaleString('en-US')} cases\r`);
      }
    });
    await db.query(`RESET session_replication_role`);
    await db.query(`DROP TABLE national_cells, national_templates, national_names`);
    lines.push(`${count.toLocaleString('en-US')} cases copied in SQL: ${fmt(copied.ms / 1000)} s`);
    const analyse = await timeIt(() => db.query('VACUUM ANALYZE'));
    lines.push(`VACUUM ANALYZE: ${fmt(analyse.ms / 1000)} s`);
    return lines;
  } finally {
    await db.end();
  }
}

/** One statement a service sent, with its parameters and how long it took. */
type Statement = { sql: string; params: unknown[]; ms: number };

/**
 * Records the statements sent while `work` runs, slowest first: those sent through the application's DataSource and
 * the prepared ones sent to its pool directly (`onItsOwn`).
 */
async function statementsOf(db: DataSource, work: () => Promise<unknown>): Promise<Statement[]> {
  const seen: Statement[] = [];
  const original = db.query.bind(db);
  db.query = (async (sql: string, params?: unknown[], runner?: never) => {
    const t = await timeIt(() => original(sql, params, runner));
    seen.push({ sql, params: params ?? [], ms: t.ms });
    return t.result;
  }) as typeof db.query;
  type Pool = { query: (config: { text: string; values?: unknown[] }) => Promise<unknown> };
  const pool = (db.driver as unknown as { master: Pool }).master;
  const poolQuery = pool.query;
  pool.query = async (config) => {
    const t = await timeIt(() => poolQuery.call(pool, config));
    if (typeof config === 'object') seen.push({ sql: config.text, params: config.values ?? [], ms: t.ms });
    return t.result;
  };
  try {
    await work();
  } finally {
    db.query = original;
    pool.query = poolQuery;
  }
  return seen.sort((a, b) => b.ms - a.ms);
}

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL || DEFAULT_BENCH_DATABASE_URL;
  const count = positiveInt('BENCH_NATIONAL_CASES', 1_000_000);
  const requests = positiveInt('BENCH_NATIONAL_REQUESTS', 480);
  const readers = positiveInt('BENCH_NATIONAL_READERS', 16);
  const reuse = process.env.BENCH_NATIONAL_REUSE === '1';
  if (!reuse) await prepareBenchDatabase(url);
  const clock = new FixedClock(`${TODAY}T03:00:00.000Z`);
  const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', NODE_ENV: 'production', RUN_WORKER: 'false', JWT_SECRET: 'bench-bench-bench-bench-bench-bench-1' });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ config, clock }), { logger: false });
  try {
    const db = app.get(DataSource);
    const cases = app.get(CasesService);
    const compliance = app.get(ComplianceService);
    const worklist = app.get(WorklistQuery);
    const keptViews = app.get(KeptCaseViews, { strict: false });
    const statistics = app.get(StatisticsService, { strict: false });
    const organisations = app.get(OrganisationsService);

    const loadBefore = loadavg();
    const generated = reuse ? { ms: 0, result: ['database of an earlier run reused'] } : await timeIt(() => generate(url, cases, compliance, clock, count));
    clock.set(`${TODAY}T03:00:00.000Z`);
    process.stdout.write(`generated in ${fmt(generated.ms / 1000)} s\n${generated.result.join('\n')}\n`);
    const [totals]: { cases: number; events: number; deadlines: number; findings: number; open: number; size: string }[] = await db.query(
      `SELECT (SELECT count(*)::int FROM cases) AS cases, (SELECT count(*)::int FROM case_events) AS events, (SELECT count(*)::int FROM deadlines) AS deadlines,
              (SELECT count(*)::int FROM compliance_findings) AS findings,
              (SELECT count(*)::int FROM cases WHERE state NOT IN ('fullMember')) AS open,
              pg_size_pretty(pg_database_size(current_database())) AS size`,
    );

    // The units read: 16 of each kind, the same on every run (chosen by a fixed hash among those holding cases).
    const pick = async (unit: string): Promise<string[]> =>
      (await db.query(
        `SELECT id FROM (SELECT DISTINCT ${unit} AS id FROM cases c JOIN organisations o ON o.id = c.organisation_id) u ORDER BY md5(id::text) LIMIT 16`,
      ).then((rows: { id: string }[]) => rows.map((r) => r.id)));
    const provinces = await pick(`split_part(o.path, '/', 2)::uuid`);
    const communes = await pick(`split_part(o.path, '/', 3)::uuid`);
    const cells = await pick('o.id');
    const scopes = async (ids: string[]): Promise<Scope[]> => Promise.all(ids.map((id) => organisations.scopeOf(id)));
    const provinceScopes = await scopes(provinces);
    const communeScopes = await scopes(communes);
    const cellScopes = await scopes(cells);
    const actorOf = (scope: Scope): Actor => ({ kind: 'user', userId: null, username: 'reader', organisationId: scope.organisationId, roles: ['admin'] });

    // The cursors of deep pages, walked once beforehand: the 10th page and the last one of each province.
    const deepCursors: { tenth: string[]; last: string[]; pages: number[] } = { tenth: [], last: [], pages: [] };
    // BENCH_NATIONAL_ONLY: run only the queries whose name contains it (and write no section); the deep pages are
    // walked only when a query that reads them runs.
    const only = process.env.BENCH_NATIONAL_ONLY;
    const selected = (name: string) => !only || name.includes(only);
    const TENTH_PAGE = 'violations, a province, 10th page (keyset cursor)';
    const LAST_PAGE = 'violations, a province, last page (keyset cursor)';
    for (const scope of selected(TENTH_PAGE) || selected(LAST_PAGE) ? provinceScopes : []) {
      let page = await compliance.violations({ limit: 100 }, scope);
      let n = 1;
      let tenth: string | null = null;
      let previous: string | null = null;
      while (page.nextCursor) {
        previous = page.nextCursor;
        n += 1;
        if (n === 10) tenth = previous;
        page = await compliance.violations({ limit: 100, cursor: previous }, scope);
      }
      deepCursors.tenth.push(tenth ?? previous ?? '');
      deepCursors.last.push(previous ?? '');
      deepCursors.pages.push(n);
    }
    const withCursor = (cursor: string) => (cursor ? { limit: 100, cursor } : { limit: 100 });

    const scenarios: { name: string; run: (i: number) => Promise<unknown> }[] = [
      { name: 'case list, a commune (first page of 50)', run: (i) => cases.list({}, communeScopes[i % 16]) },
      {
        // The views kept (ADR 0029 decision 11) are forgotten before each request, so nearly every case of a page is
        // read whole and described: what a page costs when its cases changed since they were last listed.
        name: 'case list, a commune (first page of 50), no view kept',
        run: (i) => {
          keptViews.clear();
          return cases.list({}, communeScopes[i % 16]);
        },
      },
      { name: 'name search "nguyen van" within a commune', run: (i) => cases.list({ q: 'Nguyễn Văn' }, communeScopes[i % 16]) },
      { name: 'worklist of a cell', run: (i) => worklist.forActor(actorOf(cellScopes[i % 16]), cellScopes[i % 16]) },
      { name: 'worklist of a commune', run: (i) => worklist.forActor(actorOf(communeScopes[i % 16]), communeScopes[i % 16]) },
      { name: 'violations, a province, first page of 100 + totals', run: (i) => compliance.violations({ limit: 100 }, provinceScopes[i % 16]) },
      { name: TENTH_PAGE, run: (i) => compliance.violations(withCursor(deepCursors.tenth[i % 16]), provinceScopes[i % 16]) },
      { name: LAST_PAGE, run: (i) => compliance.violations(withCursor(deepCursors.last[i % 16]), provinceScopes[i % 16]) },
      { name: 'statistics, a province, year 2026', run: (i) => statistics.admissions(provinces[i % 16], '2026', provinceScopes[i % 16]) },
      {
        // Each request first moves its province's version, as any change in the province does: the answer kept is
        // not given, it is computed anew (the figure includes that one-row upsert).
        name: 'statistics, a province, year 2026, after a change in it (computed anew)',
        run: async (i) => {
          await db.query(
            `INSERT INTO statistics_versions (province_id, version) VALUES ($1, 1) ON CONFLICT (province_id) DO UPDATE SET version = statistics_versions.version + 1`,
            [provinces[i % 16]],
          );
          return statistics.admissions(provinces[i % 16], '2026', provinceScopes[i % 16]);
        },
      },
    ];

    const rows: string[] = [];
    const plans: string[] = [];
    const results: { name: string; r: RunResult }[] = [];
    const loadDuring: number[] = [];
    for (const s of scenarios) {
      if (!selected(s.name)) continue;
      const alone: number[] = [];
      for (let i = 0; i < 16; i += 1) alone.push((await timeIt(() => s.run(i))).ms);
      alone.sort((a, b) => a - b);
      const r = await runConcurrently(Array.from({ length: requests }, (_, i) => () => s.run(i)), readers);
      loadDuring.push(loadavg()[0]);
      results.push({ name: s.name, r });
      rows.push(`| ${s.name} | ${fmt(r.p50Ms)} | ${fmt(r.p95Ms)} | ${fmt(r.maxMs)} | ${fmt(r.perSecond, 0)} | ${fmt(percentile(alone, 50))} |`);
      process.stdout.write(`${s.name}: p50 ${fmt(r.p50Ms)} ms, p95 ${fmt(r.p95Ms)} ms, max ${fmt(r.maxMs)} ms, ${fmt(r.perSecond, 0)}/s, alone p50 ${fmt(percentile(alone, 50))} ms\n`);
      const statements = await statementsOf(db, () => s.run(0));
      if (process.env.BENCH_NATIONAL_DEBUG) for (const st of statements) process.stdout.write(`  ${fmt(st.ms, 2)} ms ${st.sql.replace(/\s+/g, ' ').slice(0, 160)}\n`);
      const [main] = statements;
      const plan: { 'QUERY PLAN': string }[] = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${main.sql}`, main.params);
      plans.push(`### ${s.name}\n\n\`\`\`\n${main.sql.replace(/\s+/g, ' ').trim()}\n\n${plan.map((p) => p['QUERY PLAN']).join('\n')}\n\`\`\``);
    }

    const body = [
      `Run: \`npm run bench:national\` (${count.toLocaleString('en-US')} cases, ${requests} requests per query at ${readers} concurrent readers), ${new Date().toISOString().slice(0, 10)}, ${cpus().length} CPUs, ${(await serverVersion(url)).split(' on ')[0]} at ${redactUrl(url)}; load average before ${loadBefore.map((l) => fmt(l, 2)).join(' / ')}, during the queries ${fmt(Math.min(...loadDuring), 2)}–${fmt(Math.max(...loadDuring), 2)}.`,
      '',
      `Generated in ${fmt(generated.ms / 1000)} s (${generated.result.join('; ')}): ${totals.cases.toLocaleString('en-US')} cases (${totals.open.toLocaleString('en-US')} not yet full members), ${totals.events.toLocaleString('en-US')} events, ${totals.deadlines.toLocaleString('en-US')} deadlines, ${totals.findings.toLocaleString('en-US')} findings; database ${totals.size}. Deep pages: the provinces read have ${Math.min(...deepCursors.pages)}–${Math.max(...deepCursors.pages)} pages of 100 violations.`,
      '',
      'Each request reads one of 16 units of its kind (provinces, communes or cells chosen by a fixed hash among those holding cases), through the service the endpoint calls; milliseconds:',
      '',
      '| query | p50 | p95 | max | requests/s | p50 of one reader alone |',
      '|---|---|---|---|---|---|',
      ...rows,
      '',
      `The plans: the slowest statement of one request of each query, \`EXPLAIN (ANALYZE, BUFFERS)\` run once more with the same parameters.`,
      '',
      ...plans.flatMap((p) => [p, '']),
    ].join('\n');
    if (!only) writeSection(REPORT_PATH, sectionOf(count), body);
    process.stdout.write(`${rows.join('\n')}\n`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
