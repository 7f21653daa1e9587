/**
 * The typed row layer: each table the code reads is declared once as a `table(...)` of columns with their
 * PostgreSQL types; the TypeScript shape of a raw row (`RowOf<typeof T>`) follows from it, and a test
 * (test/persistence/row-shapes.e2e-spec.ts) compares every declaration with the migrated database, so a migration
 * and the code that reads its table cannot drift apart unnoticed. Repositories keep writing SQL by hand.
 */

/** The PostgreSQL types our tables use, as `information_schema.columns.udt_name` spells them. */
export interface PgTypes {
  uuid: string;
  text: string;
  int4: number;
  /** int8 arrives as a string (pg's default: no precision lost). */
  int8: string;
  bool: boolean;
  /** A business date: the driver is told to hand it over as its `YYYY-MM-DD` text (type-parsers.ts). */
  date: string;
  timestamptz: Date;
  jsonb: unknown;
  bytea: Buffer;
  _text: string[];
  _uuid: string[];
}
export type PgType = keyof PgTypes;

export interface ColumnSpec {
  type: PgType;
  nullable?: true;
}

export interface TableSpec<C extends Record<string, ColumnSpec> = Record<string, ColumnSpec>> {
  name: string;
  columns: C;
}

export function table<const C extends Record<string, ColumnSpec>>(name: string, columns: C): TableSpec<C> {
  return { name, columns };
}

/** A NOT NULL column of `type`. */
export const col = <T extends PgType>(type: T) => ({ type }) as const;
/** A nullable column of `type`. */
export const nullable = <T extends PgType>(type: T) => ({ type, nullable: true }) as const;

type ValueOf<S extends ColumnSpec> = S extends { nullable: true } ? PgTypes[S['type']] | null : PgTypes[S['type']];

/** A row of the table as the driver hands it over (snake_case names, driver types). */
export type RowOf<T extends TableSpec> = { -readonly [K in keyof T['columns']]: ValueOf<T['columns'][K]> };
