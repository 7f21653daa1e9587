import { DataSource } from 'typeorm';
import * as access from '@charterflow/access';
import * as audit from '@charterflow/audit';
import * as calendar from '@charterflow/calendar';
import * as cases from '@charterflow/cases';
import type { TableSpec } from '@charterflow/database';
import * as delivery from '@charterflow/delivery';
import * as documents from '@charterflow/documents';
import * as intake from '@charterflow/intake';
import * as notifications from '@charterflow/notifications';
import * as organisations from '@charterflow/organisations';
import { createTestDataSource } from '../support/database';

/** Every table declaration the libraries export (`*_TABLE`). */
const DECLARED: TableSpec[] = [access, audit, calendar, cases, delivery, documents, intake, notifications, organisations].flatMap((lib) =>
  Object.entries(lib)
    .filter(([name]) => name.endsWith('_TABLE'))
    .map(([, spec]) => spec as TableSpec),
);

interface DbColumn {
  table_name: string;
  column_name: string;
  udt_name: string;
  is_nullable: 'YES' | 'NO';
}

/**
 * The typed row layer against the migrated database: every table the migrations create is declared by exactly one
 * library, with exactly its columns, their types and whether they may be null. A migration that adds, drops, retypes
 * or relaxes a column fails here until the declaration (and so the repository's row type) follows.
 */
describe('row declarations match the migrated database', () => {
  let db: DataSource;
  let columns: DbColumn[];

  beforeAll(async () => {
    db = await createTestDataSource();
    columns = await db.query(
      `SELECT table_name, column_name, udt_name, is_nullable FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> 'migrations' ORDER BY table_name, ordinal_position`,
    );
  });
  afterAll(() => db?.destroy());

  it('declares every table once, and no table the database lacks', () => {
    const names = DECLARED.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual([...new Set(columns.map((c) => c.table_name))].sort());
  });

  it.each(DECLARED.map((t) => [t.name, t] as const))('%s: the same columns, types and nullability', (name, spec) => {
    const inDatabase = columns.filter((c) => c.table_name === name).map((c) => ({ column: c.column_name, type: c.udt_name, nullable: c.is_nullable === 'YES' }));
    const declared = Object.entries(spec.columns).map(([column, c]) => ({ column, type: c.type, nullable: c.nullable === true }));
    const byName = (a: { column: string }, b: { column: string }) => a.column.localeCompare(b.column);
    expect(declared.sort(byName)).toEqual(inDatabase.sort(byName));
  });
});
