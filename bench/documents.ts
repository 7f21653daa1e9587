/**
 * `npm run bench:documents`: generating the admission decision (form 9-KNĐ). Times (1) filling and rendering the form
 * from a fixture case in process, as PDF and as Word, and (2) the whole request `GET /cases/{id}/documents/9-KND`
 * against the API on PostgreSQL (the case, its history and the organisation tree read, the file rendered and its
 * record written). Sequential requests: the figure is the time one clerk waits. Writes the section
 * "## Printed documents" of docs/benchmarks.md.
 *
 * Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/charterflow_bench; its public schema
 * is dropped and recreated), BENCH_DOCUMENT_RUNS (default 300).
 */
import 'reflect-metadata';
import './harness-env';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { fillForm, formById, renderDocx, renderPdf } from '@charterflow/documents';
import { ADMITTED_CASE } from '@charterflow/documents/testing';
import { caseInProbation } from '../test/api/helpers';
import { API, createOrganisationTree, startTestApp } from '../test/support/app';
import { DEFAULT_BENCH_DATABASE_URL, prepareBenchDatabase, redactUrl, serverVersion } from './database';
import { writeSection } from './report';
import { fmt, percentile } from './stats';
import { positiveInt } from './env';

const REPORT_PATH = resolve(__dirname, '..', 'docs', 'benchmarks.md');
const SECTION = '## Printed documents';
const WARM_UP = 20;


interface Timing {
  what: string;
  runs: number;
  p50: number;
  p95: number;
  p99: number;
  bytes: number;
}

async function time(what: string, runs: number, work: () => Promise<Buffer>): Promise<Timing> {
  let bytes = 0;
  for (let i = 0; i < WARM_UP; i += 1) bytes = (await work()).length;
  const ms: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = process.hrtime.bigint();
    bytes = (await work()).length;
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  ms.sort((a, b) => a - b);
  const timing = { what, runs, p50: percentile(ms, 50), p95: percentile(ms, 95), p99: percentile(ms, 99), bytes };
  console.log(`${what}: p50 ${fmt(timing.p50, 1)} ms, p95 ${fmt(timing.p95, 1)} ms, p99 ${fmt(timing.p99, 1)} ms, ${bytes} bytes`);
  return timing;
}

async function main(): Promise<void> {
  const load = loadavg()[0];
  const runs = positiveInt('BENCH_DOCUMENT_RUNS', 300);
  const url = process.env.BENCH_DATABASE_URL ?? DEFAULT_BENCH_DATABASE_URL;
  const form = formById('9-KND');
  if (!form) throw new Error('form 9-KND is not defined');
  const createdAt = new Date('2026-12-03T01:00:00Z');
  const timings: Timing[] = [];
  timings.push(await time('fill + render PDF (in process)', runs, () => renderPdf([fillForm(form, ADMITTED_CASE)], { createdAt })));
  timings.push(await time('fill + render Word (in process)', runs, () => renderDocx([fillForm(form, ADMITTED_CASE)])));

  await prepareBenchDatabase(url);
  const t = await startTestApp({ today: '2026-01-14', env: { DATABASE_URL: url } });
  try {
    const tree = await createOrganisationTree(t.http, { label: 'bench' });
    const c = await caseInProbation(t, tree.cellId);
    const get = (format: 'pdf' | 'docx') => async () => {
      const res = await t.http
        .get(`${API}/cases/${c.id}/documents/9-KND?format=${format}`)
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (chunk: Buffer) => chunks.push(chunk));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        });
      if (res.status !== 200) throw new Error(`GET 9-KND answered ${res.status}`);
      return res.body as Buffer;
    };
    timings.push(await time('GET /cases/{id}/documents/9-KND?format=pdf', runs, get('pdf')));
    timings.push(await time('GET /cases/{id}/documents/9-KND?format=docx', runs, get('docx')));
    const version = await serverVersion(url);
    const table = ['| what | runs | p50 ms | p95 ms | p99 ms | file bytes |', '|---|---:|---:|---:|---:|---:|', ...timings.map((x) => `| ${x.what} | ${x.runs} | ${fmt(x.p50, 1)} | ${fmt(x.p95, 1)} | ${fmt(x.p99, 1)} | ${x.bytes.toLocaleString('en-US')} |`)];
    const http = timings.filter((x) => x.what.startsWith('GET'));
    const worst = Math.max(...http.map((x) => x.p95));
    writeSection(
      REPORT_PATH,
      SECTION,
      `Written by \`npm run bench:documents\` on ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${cpus().length} CPUs (load average ${fmt(load, 2)} when it started), ${version} at ${redactUrl(url)}.
Form 9-KNĐ (the admission decision) filled from a case and rendered, ${WARM_UP} warm-up runs then ${runs} timed runs, one at a time.
The in-process rows are the form alone (fill from the fixture case, render with Tinos embedded and subset for PDF);
the GET rows are the whole request through the API (reading the case, its history, the organisation tree and the
accounts that signed, rendering, and writing the document record).

${table.join('\n')}

Target: under 200 ms at p95 for the admission decision. Worst p95 through the API: **${fmt(worst, 1)} ms** (${worst < 200 ? 'met' : 'not met'}).`,
    );
  } finally {
    await t.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
