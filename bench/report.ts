import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fmt, RunResult } from './stats';

export interface ScenarioResult extends RunResult {
  scenario: string;
  concurrency: number;
  /** SQL statements sent per operation (BEGIN and COMMIT included), counted at the pg client. */
  statementsPerOp: number;
  /** CPU time (user + system) of this Node.js process per operation, in ms. */
  nodeCpuMsPerOp: number;
}

const FILE_HEADER = `# Benchmarks

Measurements of charterflow on one machine. Each section below is written by the command it names and is
replaced, on its own, when that command runs again; the other sections are kept.
`;

/** The results as a Markdown table (also printed to stdout). */
export function resultsTable(results: readonly ScenarioResult[]): string {
  const lines = ['| scenario | concurrency | operations | events/s | p50 ms | p99 ms |', '|---|---:|---:|---:|---:|---:|'];
  for (const r of results) {
    lines.push(`| ${r.scenario} | ${r.concurrency} | ${r.operations.toLocaleString('en-US')} | ${fmt(r.perSecond, 0)} | ${fmt(r.p50Ms, 2)} | ${fmt(r.p99Ms, 2)} |`);
  }
  return lines.join('\n');
}

/** engine ÷ raw per concurrency level: throughput (below 1 = the engine is slower) and median latency. */
export function ratioTable(engine: readonly ScenarioResult[], raw: readonly ScenarioResult[]): string {
  const lines = [
    '| concurrency | engine events/s | raw events/s | throughput ratio engine/raw | p50 ratio engine/raw |',
    '|---:|---:|---:|---:|---:|',
  ];
  for (const e of engine) {
    const r = raw.find((x) => x.concurrency === e.concurrency);
    if (!r) continue;
    lines.push(`| ${e.concurrency} | ${fmt(e.perSecond, 0)} | ${fmt(r.perSecond, 0)} | ${fmt(e.perSecond / r.perSecond, 2)} | ${fmt(e.p50Ms / r.p50Ms, 2)} |`);
  }
  return lines.join('\n');
}

/**
 * Writes `body` as the section `heading` ("## …") of the Markdown file: replaces that section when present (up to
 * the next "## " heading), appends it otherwise, and creates the file with a short header when missing.
 */
export function writeSection(path: string, heading: string, body: string): void {
  const section = `${heading}\n\n${body.trim()}\n`;
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${FILE_HEADER}\n${section}`);
    return;
  }
  const lines = readFileSync(path, 'utf8').split('\n');
  const start = lines.findIndex((l) => l.trim() === heading);
  if (start === -1) {
    const text = lines.join('\n').replace(/\s*$/, '');
    writeFileSync(path, `${text}\n\n${section}`);
    return;
  }
  let end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  if (end === -1) end = lines.length;
  const before = lines.slice(0, start).join('\n').replace(/\s*$/, '');
  const after = lines.slice(end).join('\n').replace(/^\s*/, '');
  writeFileSync(path, `${before ? `${before}\n\n` : ''}${section}${after ? `\n${after}` : ''}`.replace(/\s*$/, '\n'));
}
