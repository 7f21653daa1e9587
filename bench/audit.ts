/**
 * `npm run bench:audit`: the compliance audit at province scale. Seeds one province of 10 communes, 100 grassroots
 * committees and 1,000 cells with BENCH_AUDIT_CASES cases (default 100,000) written straight in SQL (a compliant path of
 * thirteen events up to the ceremony; one in ten decided after the 45-working-day limit), runs the
 * checks over all of them (the refresh the worker's sweep does), then times the violations query the API answers.
 * Writes the section "## Compliance audit" of docs/benchmarks.md.
 *
 * Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/charterflow_bench; its public schema
 * is dropped and recreated), BENCH_AUDIT_CASES, BENCH_AUDIT_RUNS (query repetitions, default 30).
 */
import 'reflect-metadata';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { loadConfig } from '@charterflow/config';
import { OrganisationsService, WHOLE_TREE } from '@charterflow/organisations';
import { ComplianceModule, ComplianceService } from '@charterflow/audit';
import { PlatformModule } from '@charterflow/platform';
import { DEFAULT_BENCH_DATABASE_URL, prepareBenchDatabase, redactUrl, serverVersion } from './database';
import { writeSection } from './report';
import { fmt, percentile } from './stats';
import { FixedClock } from '@charterflow/kernel';
import { positiveInt } from './env';

const REPORT_PATH = resolve(__dirname, '..', 'docs', 'benchmarks.md');
const SECTION = '## Compliance audit';
const TODAY = '2026-12-31';


async function timeIt<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const t0 = process.hrtime.bigint();
  const result = await work();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, result };
}

/** Seeds the cases in SQL, in batches, so that 100,000 take seconds rather than hours through the engine. */
async function seed(db: DataSource, cells: string[], count: number): Promise<void> {
  const actor = JSON.stringify({ kind: 'user', userId: null, username: 'seed', organisationId: null, roles: ['admin'] });
  const batch = 10_000;
  for (let from = 0; from < count; from += batch) {
    const n = Math.min(batch, count - from);
    await db.transaction(async (m) => {
      await m.query(
        `INSERT INTO cases (id, organisation_id, state, snapshot, machine_version, procedure_version, version, candidate, search_text, last_seq, last_hash, created_at, updated_at)
         SELECT md5('bench-case-' || g)::uuid, ($1::uuid[])[1 + (g % array_length($1::uuid[], 1))], 'probation', '{}'::jsonb, 1, 'qd294-2025', 13,
                jsonb_build_object('fullName', 'Người ' || g, 'dateOfBirth', '2000-03-15', 'gender', CASE WHEN g % 2 = 0 THEN 'female' ELSE 'male' END,
                  'ethnicity', 'Kinh', 'religion', null, 'education', 'upper_secondary', 'youthUnionMember', true, 'tradeUnionMember', false,
                  'areaType', 'standard', 'occupation', 'worker'),
                'nguoi ' || g, 13, 'h', now(), now()
         FROM generate_series($2::int, $3::int) AS g`,
        [cells, from, from + n - 1],
      );
      // A compliant path opened on a day of 2026 by the case number (certificate, dossier, Youth Union resolution and
      // one sponsor, opinions, the votes, the decision, the ceremony), except that one case in ten is decided 100
      // calendar days after the cell vote instead of 40, past the 45-working-day limit.
      await m.query(
        `WITH c AS (
           SELECT md5('bench-case-' || g)::uuid AS id, g, DATE '2026-01-05' + (g % 150) AS d,
                  CASE WHEN g % 10 = 0 THEN 100 ELSE 40 END AS lag
           FROM generate_series($1::int, $2::int) AS g
         )
         INSERT INTO case_events (case_id, seq, type, payload, occurred_on, recorded_at, actor, from_state, to_state, prev_hash, hash)
         SELECT c.id, e.seq, e.type, e.payload, e.on_date, now(), $3::jsonb, e.from_state, e.to_state, 'h', 'h'
         FROM c CROSS JOIN LATERAL (VALUES
           (1, 'CASE_OPENED', jsonb_build_object('candidate', jsonb_build_object('fullName', 'Người ' || c.g, 'dateOfBirth', '2000-03-15', 'gender', 'female', 'ethnicity', 'Kinh', 'religion', null, 'education', 'upper_secondary', 'youthUnionMember', true, 'tradeUnionMember', false, 'areaType', 'standard', 'occupation', 'worker')), c.d, NULL, 'sympathiser'),
           (2, 'AWARENESS_CERTIFICATE_RECORDED', jsonb_build_object('certificateNo', 'CN-' || c.g, 'issuedOn', (c.d + 1)::text, 'issuer', 'TTCT'), c.d + 1, 'sympathiser', 'awarenessCertified'),
           (3, 'DOSSIER_OPENED', '{"resolutionNo": "NQ"}'::jsonb, c.d + 2, 'awarenessCertified', 'dossier'),
           (4, 'APPLICATION_FILED', '{}'::jsonb, c.d + 2, 'dossier', 'dossier'),
           (5, 'BIOGRAPHY_FILED', '{}'::jsonb, c.d + 2, 'dossier', 'dossier'),
           (6, 'BIOGRAPHY_CERTIFIED', '{"politicalIssue": false}'::jsonb, c.d + 3, 'dossier', 'dossier'),
           (7, 'INTRODUCING_RESOLUTION_RECORDED', '{"body": "youth_union", "resolutionNo": "NQ-DTN"}'::jsonb, c.d + 3, 'dossier', 'dossier'),
           (8, 'SPONSOR_ADDED', '{"sponsor": {"name": "Trần Văn Bình", "fullMemberSince": "2015-01-01", "togetherSince": "2023-01-01"}}'::jsonb, c.d + 3, 'dossier', 'dossier'),
           (9, 'OPINIONS_RECORDED', '{"organisations": ["Công đoàn"], "residenceCell": true}'::jsonb, c.d + 4, 'dossier', 'cellReview'),
           (10, 'CELL_VOTE_RECORDED', '{"fullMembers": 9, "excluded": 0, "inFavour": 6}'::jsonb, c.d + 10, 'cellReview', 'grassrootsReview'),
           (11, 'GRASSROOTS_VOTE_RECORDED', '{"committeeMembers": 9, "inFavour": 6}'::jsonb, c.d + 17, 'grassrootsReview', 'superiorReview'),
           (12, 'ADMISSION_DECIDED', jsonb_build_object('decisionNo', 'QĐ-' || c.g, 'standingMembers', 7, 'inFavour', 4, 'receivedOn', (c.d + 10 + c.lag)::text),
              c.d + 10 + c.lag, 'superiorReview', 'awaitingCeremony'),
           (13, 'CEREMONY_HELD', '{"helper": {"name": "Trần Văn Bình"}}'::jsonb, c.d + 30 + c.lag, 'awaitingCeremony', 'probation')
         ) AS e(seq, type, payload, on_date, from_state, to_state)`,
        [from, from + n - 1, actor],
      );
    });
  }
  await db.query('ANALYZE');
}

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL || DEFAULT_BENCH_DATABASE_URL;
  const count = positiveInt('BENCH_AUDIT_CASES', 100_000);
  const runs = positiveInt('BENCH_AUDIT_RUNS', 30);
  await prepareBenchDatabase(url);
  const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', NODE_ENV: 'production', RUN_WORKER: 'false', JWT_SECRET: 'bench-bench-bench-bench-bench-bench-1' });
  @Module({ imports: [PlatformModule.forRoot({ config, clock: new FixedClock(`${TODAY}T03:00:00.000Z`) }), ComplianceModule] })
  class BenchModule {}
  const app = await NestFactory.createApplicationContext(BenchModule, { logger: false });
  try {
    const db = app.get(DataSource);
    const organisations = app.get(OrganisationsService);
    const compliance = app.get(ComplianceService);

    const province = await organisations.create({ name: 'Tỉnh ủy Đo hiệu năng', kind: 'province' });
    const communes: string[] = [];
    const cells: string[] = [];
    for (let c = 0; c < 10; c += 1) {
      const commune = await organisations.create({ name: `Đảng ủy xã ${c}`, kind: 'commune', parentId: province.id });
      communes.push(commune.id);
      for (let g = 0; g < 10; g += 1) {
        const grassroots = await organisations.create({ name: `Đảng ủy cơ sở ${c}.${g}`, kind: 'grassroots', parentId: commune.id });
        for (let k = 0; k < 10; k += 1) cells.push((await organisations.create({ name: `Chi bộ ${c}.${g}.${k}`, kind: 'cell', parentId: grassroots.id })).id);
      }
    }
    const seeded = await timeIt(() => seed(db, cells, count));
    process.stdout.write(`seeded ${count} cases (${count * 13} events) in ${fmt(seeded.ms / 1000)} s\n`);

    const refresh = await timeIt(() => compliance.refresh());
    const checked = refresh.result;
    process.stdout.write(`checks run over ${checked} cases in ${fmt(refresh.ms / 1000)} s (${fmt(checked / (refresh.ms / 1000), 0)} cases/s)\n`);
    const findings: { n: number }[] = await db.query(`SELECT count(*)::int AS n FROM compliance_findings WHERE check_id = 'A15'`);
    const totalFindings: { n: number }[] = await db.query(`SELECT count(*)::int AS n FROM compliance_findings`);

    const scope = await organisations.scopeOf(province.id);
    const communeScope = await organisations.scopeOf(communes[3]);
    const scenarios: { name: string; run: () => Promise<unknown> }[] = [
      { name: 'province, first page of 100 + totals', run: () => compliance.violations({ limit: 100 }, scope) },
      { name: 'province, check A15, one month', run: () => compliance.violations({ check: ['A15'], from: '2026-05-01', to: '2026-05-31', limit: 100 }, scope) },
      { name: 'province, 10th page (cursor)', run: async () => {
        let page = await compliance.violations({ limit: 100 }, scope);
        for (let i = 0; i < 9 && page.nextCursor; i += 1) page = await compliance.violations({ limit: 100, cursor: page.nextCursor }, scope);
        return page;
      } },
      { name: 'one commune, first page', run: () => compliance.violations({ limit: 100 }, communeScope) },
      { name: 'whole tree, first page', run: () => compliance.violations({ limit: 100 }, WHOLE_TREE) },
    ];
    const rows: string[] = [];
    for (const s of scenarios) {
      await s.run();
      const times: number[] = [];
      for (let i = 0; i < runs; i += 1) times.push((await timeIt(s.run)).ms);
      times.sort((a, b) => a - b);
      rows.push(`| ${s.name} | ${fmt(percentile(times, 50))} | ${fmt(percentile(times, 95))} | ${fmt(times[times.length - 1])} |`);
      process.stdout.write(`${s.name}: p50 ${fmt(percentile(times, 50))} ms, p95 ${fmt(percentile(times, 95))} ms\n`);
    }

    const body = [
      `Run: \`npm run bench:audit\` (${count.toLocaleString('en-US')} cases, ${runs} runs per query), ${new Date().toISOString().slice(0, 10)}, ${cpus().length} CPUs, ${(await serverVersion(url)).split(' on ')[0]} at ${redactUrl(url)}.`,
      '',
      `One province: 10 communes, 100 grassroots committees, 1,000 cells; ${count.toLocaleString('en-US')} cases seeded in SQL (a compliant path of thirteen events each, up to the ceremony), one in ten decided after the 45-working-day limit: ${totalFindings[0].n.toLocaleString('en-US')} findings, ${findings[0].n.toLocaleString('en-US')} of them A15.`,
      '',
      `- Running every check over all of them (what the worker's sweep does after an import): ${fmt(refresh.ms / 1000)} s, ${fmt(checked / (refresh.ms / 1000), 0)} cases/s.`,
      `- \`GET /audit/violations\` once the findings are fresh (the service call behind the endpoint: refresh of pending cases, page, totals per check, pending count), milliseconds:`,
      '',
      '| query | p50 | p95 | max |',
      '|---|---|---|---|',
      ...rows,
    ].join('\n');
    writeSection(REPORT_PATH, SECTION, body);
    process.stdout.write(`${body}\n`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
