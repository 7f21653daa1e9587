import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { pg, PgModule } from '../pg-module';

/**
 * A `pg` look-alike module for TypeORM's PostgresDriver (`driver` option) that runs on an embedded PGlite.
 *
 * PGlite has exactly ONE database session. typeorm-pglite lets every query runner use it at once, so concurrent
 * transactions interleave on that session (one caller's ROLLBACK undoes another caller's committed work). Here
 * the session is leased to one query runner at a time instead:
 *
 * - the pool is the real `pg.Pool` with `max: 1`: `connect()` hands out the one client and queues every other
 *   caller (first come, first served) until `release()`. TypeORM holds a query runner's client from its first
 *   query to `release()`, i.e. for a whole transaction, or for one statement outside a transaction;
 * - the client is the real `pg.Client`, speaking the wire protocol to PGlite through PGlite's own
 *   node-postgres connection adapter, so results (`rows`, `rowCount`, `fields`, `command`), errors (SQLSTATE
 *   `code`) and type parsing are exactly pg's, the same code path as against a PostgreSQL server;
 * - the idle client is never closed (that would end the session); `pool.end()` — called by
 *   `DataSource.destroy()` — closes PGlite, which flushes the data folder.
 *
 * Consequence: inside a transaction, use only the transaction's EntityManager. Asking the DataSource for another
 * connection while holding one waits forever, as it would on a PostgreSQL pool of size 1.
 */
export function createPgliteDriver(dataDir: string): PgModule {
  const BasePool = pg.Pool as unknown as new (config: Record<string, unknown>) => PoolBase;

  class PglitePool extends BasePool {
    private readonly pglite: PGlite;

    constructor(config: Record<string, unknown>) {
      mkdirSync(dataDir, { recursive: true });
      const pglite = new PGlite(dataDir);
      // `connection` routes the pg client to PGlite; host, user and the rest of TypeORM's options are ignored.
      super({ ...config, ...createPgConfig(pglite), connectionString: undefined, max: 1, idleTimeoutMillis: 0 });
      this.pglite = pglite;
    }

    /** Ends the pool, then closes PGlite. Supports both pg styles: callback and promise. */
    override end(callback?: (err?: Error) => void): Promise<void> | void {
      const done = (async () => {
        await super.end();
        if (!this.pglite.closed) await this.pglite.close();
      })();
      if (!callback) return done;
      done.then(() => callback(), (err: Error) => callback(err));
    }
  }

  return { ...pg, Pool: PglitePool as unknown as PgModule['Pool'] };
}

interface PoolBase {
  end(callback?: (err?: Error) => void): Promise<void> | void;
}
