import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isBusinessDate } from '@charterflow/procedure';
import { Term } from './periods';

export const TERMS_FILE = join('config', 'statistics', 'terms.json');

let cached: Term[] | null = null;

/** The terms of config/statistics/terms.json, found by walking up from this file, then from the working directory. */
export function loadTerms(): Term[] {
  if (cached) return cached;
  for (const start of [__dirname, process.cwd()]) {
    let dir = resolve(start);
    for (;;) {
      const file = join(dir, TERMS_FILE);
      if (existsSync(file)) {
        const parsed = JSON.parse(readFileSync(file, 'utf8')) as { terms?: unknown };
        const terms = Array.isArray(parsed.terms) ? (parsed.terms as Term[]) : [];
        for (const t of terms) {
          if (!/^\d{4}-\d{4}$/.test(String(t.id)) || !isBusinessDate(t.from) || !isBusinessDate(t.to) || t.from > t.to) throw new Error(`${file}: bad term ${JSON.stringify(t)}`);
        }
        cached = terms;
        return terms;
      }
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error(`${TERMS_FILE} not found`);
}
