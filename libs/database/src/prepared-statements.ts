import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * A statement run often on the hot path (a case step): its text never changes, so each connection parses and plans
 * it once under `name` (a prepared statement of that session) instead of on every call. The name must be unique to
 * the text: `pg` refuses one name for two texts on a connection.
 */
export interface PreparedStatement {
  name: string;
  text: string;
}

/** Runs a prepared statement with its values and answers its rows. */
export type RunPrepared = <R = Record<string, unknown>>(statement: PreparedStatement, values: readonly unknown[]) => Promise<R[]>;

/** What `pg` answers to a query given as a config object (`{ name, text, values }`). */
interface PgQueryable {
  query(config: { name: string; text: string; values: readonly unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Statements on their own, outside any transaction: each is its own transaction, on whichever pooled connection
 * (PostgreSQL's, or the embedded PGlite's one session) is free.
 */
export function onItsOwn(dataSource: DataSource): RunPrepared {
  const pool = (dataSource.driver as unknown as { master: PgQueryable }).master;
  return async <R>(s: PreparedStatement, values: readonly unknown[]) => (await pool.query({ name: s.name, text: s.text, values })).rows as R[];
}

/** Statements in the transaction of `m`, on its connection. */
export function inTransaction(m: EntityManager): RunPrepared {
  const client = (m.queryRunner as unknown as { databaseConnection?: PgQueryable } | undefined)?.databaseConnection;
  if (!client) throw new Error('inTransaction needs the EntityManager of a transaction (its query runner holds the connection)');
  return async <R>(s: PreparedStatement, values: readonly unknown[]) => (await client.query({ name: s.name, text: s.text, values })).rows as R[];
}

/** Texts named so far; a bound keeps a text that embeds values by mistake from growing it for ever. */
const named = new Map<string, PreparedStatement>();
const MAX_NAMED_TEXTS = 2000;

/**
 * A statement whose text is put together at run time (a page with its filters), named after its text: each shape is
 * parsed and planned once per connection like the hot path's statements, instead of on every call. Only for texts
 * whose values are all parameters.
 */
export function preparedText(text: string): PreparedStatement {
  const known = named.get(text);
  if (known) return known;
  const statement = { name: `q_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`, text };
  if (named.size < MAX_NAMED_TEXTS) named.set(text, statement);
  return statement;
}
