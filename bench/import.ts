/**
 * `npm run bench:import`: a CSV of cases already under way, 1% of them bad, taken the whole way an upload goes
 * (ADR 0028): accepted (read whole and stored, the `202` of `POST /imports`), then processed by the import worker in
 * batches (replay through the engine, one transaction per batch), until the import is done; then the same file again
 * (every row unchanged). Runs 10,000 rows, and BENCH_IMPORT_ROWS rows when larger (100,000 for the issue's
 * target). Checks that every good row was imported, every bad row reported with its number and reason, and that
 * the second run wrote nothing. Writes "## Import of cases under way" in docs/benchmarks.md.
 *
 * Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/charterflow_bench; its public schema
 * is dropped and recreated), BENCH_IMPORT_ROWS, IMPORT_REPLAY_THREADS (as for the worker; unset, its default).
 */
import 'reflect-metadata';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { CasesModule } from '@charterflow/cases';
import { loadConfig } from '@charterflow/config';
import { ImportReport, ImportRunner, IntakeModule, IntakeService, IMPORT_BATCH_ROWS } from '@charterflow/intake';
import { OrganisationsService, WHOLE_TREE } from '@charterflow/organisations';
import { PlatformModule } from '@charterflow/platform';
import { probationerRow, toCsv } from '../test/imports/rows';
import { DEFAULT_BENCH_DATABASE_URL, prepareBenchDatabase, redactUrl, serverVersion } from './database';
import { writeSection } from './report';
import { fmt } from './stats';
import { Actor, FixedClock } from '@charterflow/kernel';

const REPORT_PATH = resolve(__dirname, '..', 'docs', 'benchmarks.md');
const SECTION = '## Import of cases under way';
const ADMIN: Actor = { kind: 'user', userId: null, username: 'bench', organisationId: null, roles: ['admin'] };

const BASE_ROWS = 10_000;

function rowsWanted(): number {
  const raw = process.env.BENCH_IMPORT_ROWS;
  if (raw === undefined || raw === '') return BASE_ROWS;
  if (!/^\d+$/.test(raw) || Number(raw) < 100) throw new Error(`BENCH_IMPORT_ROWS must be a whole number ≥ 100, got "${raw}"`);
  return Number(raw);
}

const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

/** Four kinds of bad row, in turn: an unknown cell, an impossible date, a step after today, steps out of order. */
function spoil(row: Record<string, string>, k: number): { row: Record<string, string>; reason: string } {
  switch (k % 4) {
    case 0:
      return { row: { ...row, organisationId: '00000000-0000-4000-8000-000000000000' }, reason: 'organisationId' };
    case 1:
      return { row: { ...row, cellVoteOn: '2026-02-30' }, reason: 'cellVoteOn' };
    case 2:
      return { row: { ...row, memberRecordsOn: '2027-01-05' }, reason: 'DATE_IN_FUTURE' };
    default:
      return { row: { ...row, ceremonyOn: row.grassrootsVoteOn }, reason: 'EVENT_NOT_ALLOWED' };
  }
}

interface SizeRun {
  count: number;
  mib: number;
  bad: number;
  acceptS: number;
  firstS: number;
  report: ImportReport;
  againS: number;
  again: ImportReport;
  events: number;
}

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL || DEFAULT_BENCH_DATABASE_URL;
  const wanted = rowsWanted();
  const loadAtStart = loadavg();
  await prepareBenchDatabase(url);
  const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', NODE_ENV: 'production', RUN_WORKER: 'false', JWT_SECRET: 'bench-bench-bench-bench-bench-bench-1', IMPORT_REPLAY_THREADS: process.env.IMPORT_REPLAY_THREADS });
  @Module({ imports: [PlatformModule.forRoot({ config, clock: new FixedClock('2026-06-30T03:00:00.000Z') }), CasesModule, IntakeModule] })
  class BenchModule {}
  const app = await NestFactory.createApplicationContext(BenchModule, { logger: false });
  try {
    const organisations = app.get(OrganisationsService);
    const intake = app.get(IntakeService);
    const runner = app.get(ImportRunner);
    const db = app.get(DataSource);
    const province = await organisations.create({ name: 'Tỉnh ủy Nhập liệu', kind: 'province' });
    const cells: string[] = [];
    for (let c = 0; c < 5; c += 1) {
      const commune = await organisations.create({ name: `Xã ${c}`, kind: 'commune', parentId: province.id });
      const grassroots = await organisations.create({ name: `Đảng ủy cơ sở ${c}`, kind: 'grassroots', parentId: commune.id });
      for (let k = 0; k < 20; k += 1) cells.push((await organisations.create({ name: `Chi bộ ${c}.${k}`, kind: 'cell', parentId: grassroots.id })).id);
    }
    const eventCount = async (): Promise<number> => {
      const rows: { n: number }[] = await db.query('SELECT count(*)::int AS n FROM case_events');
      return rows[0].n;
    };

    /** Accepts the file and has the worker process it to the end: the whole path of an upload. */
    const upload = async (csv: string): Promise<{ acceptS: number; totalS: number; report: ImportReport }> => {
      const start = process.hrtime.bigint();
      const accepted = await intake.accept({ format: 'csv', text: csv, historical: false }, ADMIN, WHOLE_TREE);
      const acceptS = seconds(start);
      await runner.drain();
      const report = await intake.get(accepted.importId, WHOLE_TREE);
      if (report.status !== 'done') throw new Error(`import ${report.importId} ended ${report.status}`);
      return { acceptS, totalS: seconds(start), report };
    };

    const runSize = async (count: number, prefix: string): Promise<SizeRun> => {
      // Stages vary with the opening date: from cases just decided to probationers whose probation already ended.
      const bad = new Map<number, string>();
      const rows = Array.from({ length: count }, (_, i) => {
        const opened = new Date(Date.UTC(2025, 3, 1) + (i % 300) * 86_400_000).toISOString().slice(0, 10);
        const row = probationerRow(`${prefix}-${i + 1}`, cells[i % cells.length], opened, { lateDecision: i % 9 === 0 });
        if ((i + 1) % 100 !== 50) return row;
        const spoiled = spoil(row, bad.size);
        bad.set(i + 1, spoiled.reason);
        return spoiled.row;
      });
      const csv = toCsv(rows);
      const first = await upload(csv);
      const report = first.report;
      const reasonsOk = report.items
        .filter((i) => i.status === 'refused')
        .every((i) => {
          const want = bad.get(i.row);
          return want !== undefined && (i.errors ?? []).some((e) => e.field === want || e.rule === want || e.code === want);
        });
      if (report.imported !== count - bad.size || report.refused !== bad.size || !reasonsOk) {
        throw new Error(`unexpected outcome: ${report.imported} imported, ${report.refused} refused (${bad.size} bad rows), reasons ${reasonsOk ? 'right' : 'wrong'}`);
      }
      const before = await eventCount();
      const second = await upload(csv);
      const after = await eventCount();
      if (second.report.unchanged !== count - bad.size || second.report.imported !== 0 || after !== before) throw new Error('the second run changed something');
      return { count, mib: csv.length / 1_048_576, bad: bad.size, acceptS: first.acceptS, firstS: first.totalS, report, againS: second.totalS, again: second.report, events: after };
    };

    const runs = [await runSize(Math.min(BASE_ROWS, wanted), 'IMP')];
    if (wanted > BASE_ROWS) runs.push(await runSize(wanted, 'BIG'));
    const states: { state: string; n: number }[] = await db.query('SELECT state, count(*)::int AS n FROM cases GROUP BY state ORDER BY state');
    const n = (x: number) => x.toLocaleString('en-US');

    const body = [
      `Run: \`npm run bench:import\`${wanted > BASE_ROWS ? ` with \`BENCH_IMPORT_ROWS=${wanted}\`` : ''}, ${new Date().toISOString().slice(0, 10)}, ${cpus().length} CPUs, load average (1 / 5 / 15 min) ${loadAtStart.map((l) => l.toFixed(2)).join(' / ')} at the start and ${loadavg().map((l) => l.toFixed(2)).join(' / ')} at the end (the machine is shared), ${(await serverVersion(url)).split(' on ')[0]} at ${redactUrl(url)}. The whole path of an upload (ADR 0028): accepted (the CSV read whole and stored, what \`POST /api/v1/imports\` does before its 202), then processed by the import worker in batches of ${IMPORT_BATCH_ROWS} rows (validation, replay through the engine, one transaction per batch) until the import is done; one worker, in the benchmark's process, replaying on ${config.IMPORT_REPLAY_THREADS} thread${config.IMPORT_REPLAY_THREADS === 1 ? '' : 's'} beside its own (\`IMPORT_REPLAY_THREADS\`, ADR 0028).`,
      '',
      `CSV files with every import column, 1% of their rows bad (an unknown cell, an impossible date, a step after today, steps out of order, in turn); cases at every stage from decided to past probation (all runs: ${states.map((s) => `${s.state} ${n(s.n)}`).join(', ')}).`,
      '',
      '| rows | file | accepted (202) | upload → done | rows/s | imported | refused | same file again | rows/s |',
      '|---|---|---|---|---|---|---|---|---|',
      ...runs.map(
        (r) =>
          `| ${n(r.count)} | ${r.mib.toFixed(1)} MiB | ${fmt(r.acceptS)} s | ${fmt(r.firstS)} s | ${fmt(r.count / r.firstS, 0)} | ${n(r.report.imported)} | ${n(r.report.refused)} | ${fmt(r.againS)} s (${n(r.again.unchanged)} unchanged) | ${fmt(r.count / r.againS, 0)} |`,
      ),
      '',
      `Every bad row was reported with its row number and the field or rule at fault; the second upload of each file wrote no event (${n(runs[runs.length - 1].events)} events after all runs).`,
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
