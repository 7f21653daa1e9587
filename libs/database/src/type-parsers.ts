import { pg, PgTypeOverrides } from './pg-module';

/** PostgreSQL type oid of `date`. */
const DATE_OID = 1082;

/**
 * Type parsers for every connection we open (PostgreSQL and embedded PGlite alike), passed per client through
 * the pool's `types` option so nothing process-wide is changed: `date` columns come back as their `YYYY-MM-DD`
 * text (a business date, never an instant). Everything else keeps pg's defaults: timestamptz → Date,
 * jsonb → object, int8 → string.
 */
export function createTypeParsers(): PgTypeOverrides {
  const overrides = new pg.TypeOverrides(pg.types);
  overrides.setTypeParser(DATE_OID, 'text', (value: string) => value);
  return overrides;
}
