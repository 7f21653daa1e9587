import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Migrations are append-only once released (ADR 0011): `migrations/released.json` holds the sha256 of every released
 * migration file, a unit spec (migrations/released.spec.ts) fails when one of them changes or disappears, and
 * `npm run migrations:seal` adds the migrations not sealed yet. A change to the schema is a NEW migration.
 */

/** The folder of the migration files. */
export const MIGRATIONS_DIR = join(__dirname, '..', 'migrations');
/** File name of the seal inside the migrations folder. */
export const RELEASED_FILE = 'released.json';

/** A migration file: `<13-digit timestamp>-<ClassName>.ts`. */
const MIGRATION_FILE = /^\d{13}-[A-Za-z0-9]+\.ts$/;

/** file name → sha256 (hex) of its bytes. */
export type Released = Record<string, string>;

export interface SealProblem {
  file: string;
  problem: 'CHANGED' | 'DELETED';
  message: string;
}

/** The migration files of `dir`, oldest first (the timestamp leads the name). */
export function migrationFiles(dir: string = MIGRATIONS_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => MIGRATION_FILE.test(f))
    .sort();
}

/** sha256 of the file's bytes, hex. Line endings count: `.gitattributes` keeps migration files LF on every checkout. */
export function hashOf(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

export function readReleased(dir: string = MIGRATIONS_DIR): Released {
  const path = join(dir, RELEASED_FILE);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Released) : {};
}

/** What is wrong with the released migrations of `dir`: each one changed since it was sealed, or deleted. */
export function checkReleased(dir: string = MIGRATIONS_DIR, released: Released = readReleased(dir)): SealProblem[] {
  const present = new Set(migrationFiles(dir));
  const problems: SealProblem[] = [];
  for (const [file, sha256] of Object.entries(released)) {
    if (!present.has(file)) {
      problems.push({ file, problem: 'DELETED', message: `${file} was released and must not be deleted; restore it` });
    } else if (hashOf(join(dir, file)) !== sha256) {
      problems.push({
        file,
        problem: 'CHANGED',
        message: `${file} was released and must not change; restore it (git checkout) and write a new migration for the change`,
      });
    }
  }
  return problems;
}

/**
 * Adds every migration of `dir` not sealed yet to `released.json` (sorted by file name). Refuses, writing nothing,
 * while a released migration has changed or is missing: sealing never blesses an edit.
 */
export function seal(dir: string = MIGRATIONS_DIR): { added: string[]; problems: SealProblem[] } {
  const released = readReleased(dir);
  const problems = checkReleased(dir, released);
  if (problems.length > 0) return { added: [], problems };
  const added = migrationFiles(dir).filter((f) => !(f in released));
  if (added.length === 0) return { added, problems };
  const next: Released = { ...released };
  for (const f of added) next[f] = hashOf(join(dir, f));
  const sorted = Object.fromEntries(Object.keys(next).sort().map((f) => [f, next[f]]));
  writeFileSync(join(dir, RELEASED_FILE), `${JSON.stringify(sorted, null, 2)}\n`);
  return { added, problems };
}
