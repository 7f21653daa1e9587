/**
 * The few parts of the `pg` package this library touches. `pg` ships no type declarations (and `@types/pg` is not
 * installed), so it is loaded with `require` and typed here by hand.
 */
export interface PgTypeOverrides {
  setTypeParser(oid: number, format: 'text', parser: (value: string) => unknown): void;
  getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown;
}

export interface PgPoolClient {
  release(err?: Error | boolean): void;
}

export interface PgPool {
  connect(callback: (err: Error | undefined, client: PgPoolClient | undefined, release: (err?: Error) => void) => void): void;
  end(callback?: (err?: Error) => void): Promise<void> | void;
  on(event: string, listener: (...args: unknown[]) => void): unknown;
}

export interface PgModule {
  Pool: new (config: Record<string, unknown>) => PgPool;
  Client: unknown;
  types: PgTypeOverrides & { builtins: Record<string, number> };
  TypeOverrides: new (types: PgTypeOverrides) => PgTypeOverrides;
  defaults: Record<string, unknown>;
  DatabaseError: unknown;
  escapeIdentifier(value: string): string;
  escapeLiteral(value: string): string;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const pg = require('pg') as PgModule;
