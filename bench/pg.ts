/**
 * The few parts of the `pg` package the benchmark uses. `pg` ships no type declarations (and `@types/pg` is not
 * installed), so it is loaded with `require` and typed here by hand, as libs/database/src/pg-module.ts does.
 */
export interface QueryResult<R> {
  rows: R[];
  rowCount: number | null;
}

export interface Queryable {
  query<R = Record<string, unknown>>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
}

export interface PoolClient extends Queryable {
  release(err?: Error | boolean): void;
}

export interface Pool extends Queryable {
  connect(): Promise<PoolClient>;
  end(): Promise<void>;
}

export interface Client extends Queryable {
  connect(): Promise<void>;
  end(): Promise<void>;
}

interface PgModule {
  Pool: new (config: { connectionString: string; max?: number }) => Pool;
  Client: (new (config: { connectionString: string }) => Client) & { prototype: { query: (...args: unknown[]) => unknown } };
  escapeIdentifier(value: string): string;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const pg = require('pg') as PgModule;

let statements = 0;
const originalQuery = pg.Client.prototype.query;
/**
 * Counts every statement sent by any `pg` client in this process (TypeORM's pool included), so the report can say
 * how many round trips each side makes per operation. The cost is one increment per query.
 */
pg.Client.prototype.query = function countedQuery(this: unknown, ...args: unknown[]): unknown {
  statements += 1;
  return originalQuery.apply(this, args);
};

/** Statements sent so far by every `pg` client of the process. */
export function statementCount(): number {
  return statements;
}
