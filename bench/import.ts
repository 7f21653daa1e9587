/**
 * `npm run bench:import`: a 10,000-row CSV of cases already under way (BENCH_IMPORT_ROWS), 1% of them bad, imported
 * through the import service (parsing, validation, replay through the engine, one transaction per row), then the
 * same file again (every row unchanged). Checks that every good row was imported, every bad row reported with its
 * number and reason, and that the second run wrote nothing. Writes "## Import of cases under way" in
 * docs/benchmarks.md.
 *
 * Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/charterflow_bench; its public schema
 * is dropped and recreated), BENCH_IMPORT_ROWS.
 */
import 'reflect-metadata';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { CasesModule } from '@charterflow/cases';
import { loadConfig } from '@charterflow/config';
import { IntakeModule, IntakeService } from '@charterflow/intake';
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

function rowsWanted(): number {
  const raw = process.env.BENCH_IMPORT_ROWS;
  if (raw === undefined || raw === '') return 10_000;
  if (!/^\d+$/.test(raw) || Number(raw) < 100) throw new Error(`BENCH_IMPORT_ROWS must be a whole number ≥ 100, got "${raw}"`);
  return Number(raw);
}

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

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL || DEFAULT_BENCH_DATABASE_URL;
  const count = rowsWanted();
  await prepareBenchDatabase(url);
  const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', NODE_ENV: 'production', RUN_WORKER: 'false', JWT_SECRET: 'bench-bench-bench-bench-bench-bench-1' });
  @Module({ imports: [PlatformModule.forRoot({ config, clock: new FixedClock('2026-06-30T03:00:00.000Z') }), CasesModule, IntakeModule] })
  class BenchModule {}
  const app = await NestFactory.createApplicationContext(BenchModule, { logger: false });
  try {
    const organisations = app.get(OrganisationsService);
    const intake = app.get(IntakeService);
    const db = app.get(DataSource);
    const province = await organisations.create({ name: 'Tỉnh ủy Nhập liệu', kind: 'province' });
    const cells: string[] = [];
    for (let c = 0; c < 5; c += 1) {
      const commune = await organisations.create({ name: `Xã ${c}`, kind: 'commune', parentId: province.id });
      const grassroots = await organisations.create({ name: `Đảng ủy cơ sở ${c}`, kind: 'grassroots', parentId: commune.id });
      for (let k = 0; k < 20; k += 1) cells.push((await organisations.create({ name: `Chi bộ ${c}.${k}`, kind: 'cell', parentId: grassroots.id })).id);
    }
    // Stages vary with the opening date: from cases just decided to probationers whose probation already ended.
    const bad = new Map<number, string>();
    const rows = Array.from({ length: count }, (_, i) => {
      const opened = new Date(Date.UTC(2025, 3, 1) + (i % 300) * 86_400_000).toISOString().slice(0, 10);
      const row = probationerRow(`IMP-${i + 1}`, cells[i % cells.length], opened, { lateDecision: i % 9 === 0 });
      if ((i + 1) % 100 !== 50) return row;
      const spoiled = spoil(row, bad.size);
      bad.set(i + 1, spoiled.reason);
      return spoiled.row;
    });
    const csv = toCsv(rows);
    const first = process.hrtime.bigint();
    const report = await intake.run({ format: 'csv', text: csv, historical: false }, ADMIN, WHOLE_TREE);
    const firstS = Number(process.hrtime.bigint() - first) / 1e9;
    const refusedRows = report.items.filter((i) => i.status === 'refused');
    const reasonsOk = refusedRows.every((i) => {
      const want = bad.get(i.row);
      return want !== undefined && (i.errors ?? []).some((e) => e.field === want || e.rule === want || e.code === want);
    });
    if (report.imported !== count - bad.size || report.refused !== bad.size || !reasonsOk) {
      throw new Error(`unexpected outcome: ${report.imported} imported, ${report.refused} refused (${bad.size} bad rows), reasons ${reasonsOk ? 'right' : 'wrong'}`);
    }
    const before: { n: number }[] = await db.query('SELECT count(*)::int AS n FROM case_events');
    const second = process.hrtime.bigint();
    const again = await intake.run({ format: 'csv', text: csv, historical: false }, ADMIN, WHOLE_TREE);
    const secondS = Number(process.hrtime.bigint() - second) / 1e9;
    const after: { n: number }[] = await db.query('SELECT count(*)::int AS n FROM case_events');
    if (again.unchanged !== count - bad.size || again.imported !== 0 || after[0].n !== before[0].n) throw new Error('the second run changed something');
    const states: { state: string; n: number }[] = await db.query('SELECT state, count(*)::int AS n FROM cases GROUP BY state ORDER BY state');

    const body = [
      `Run: \`npm run bench:import\`, ${new Date().toISOString().slice(0, 10)}, ${cpus().length} CPUs, ${(await serverVersion(url)).split(' on ')[0]} at ${redactUrl(url)}. The import service itself (CSV parsing, validation, replay through the engine, one transaction per row), as \`POST /api/v1/imports\` calls it.`,
      '',
      `A CSV of ${count.toLocaleString('en-US')} rows (${(csv.length / 1_048_576).toFixed(1)} MiB), ${bad.size} of them bad (an unknown cell, an impossible date, a step after today, steps out of order, in turn); cases at every stage from decided to past probation (${states.map((s) => `${s.state} ${s.n.toLocaleString('en-US')}`).join(', ')}).`,
      '',
      '| run | time | rows/s | imported | unchanged | refused |',
      '|---|---|---|---|---|---|',
      `| first upload | ${fmt(firstS)} s | ${fmt(count / firstS, 0)} | ${report.imported.toLocaleString('en-US')} | ${report.unchanged} | ${report.refused} |`,
      `| same file again | ${fmt(secondS)} s | ${fmt(count / secondS, 0)} | ${again.imported} | ${again.unchanged.toLocaleString('en-US')} | ${again.refused} |`,
      '',
      `Every bad row was reported with its row number and the field or rule at fault; the second run wrote no event (${before[0].n.toLocaleString('en-US')} before and after).`,
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
