import { resolve } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';
import { createPgliteDriver } from './pglite/pglite-driver';
import { createTypeParsers } from './type-parsers';

export interface DatabaseConfig {
  /** PostgreSQL connection string; unset → embedded PGlite in `dataDir`. */
  databaseUrl?: string;
  /** Folder of the embedded database (created if missing). */
  dataDir: string;
  /** PostgreSQL only: the most connections the pool opens (pg's default, 10, when unset). */
  poolSize?: number;
}

/**
 * pg's pool closes a connection idle for 10 s by default, so a burst after a quiet spell (the 08:00 wake-up after a
 * night) opened its connections anew, on backends with cold catalog caches: 10,000 escalations were delivered at
 * 9,800 a second with the pool cold against 11,600 with it kept (ADR 0033). 0 keeps idle connections open; the pool
 * still opens at most `poolSize`.
 */
const KEEP_IDLE_CONNECTIONS = 0;

/**
 * TypeORM options for the configured database: PostgreSQL when `databaseUrl` is set, else PGlite in `dataDir`
 * through our concurrency-safe driver. Both run the same migrations on initialise and never synchronise.
 */
export function buildDataSourceOptions(config: DatabaseConfig): DataSourceOptions {
  const common = {
    type: 'postgres' as const,
    // No entities: the tables are declared as typed rows (rows/table.ts), checked against the migrated database.
    entities: [],
    migrations: MIGRATIONS,
    migrationsRun: true,
    synchronize: false,
  };
  if (config.databaseUrl) {
    return {
      ...common,
      url: config.databaseUrl,
      ...(config.poolSize !== undefined ? { poolSize: config.poolSize } : {}),
      extra: { types: createTypeParsers(), idleTimeoutMillis: KEEP_IDLE_CONNECTIONS },
    };
  }
  return {
    ...common,
    driver: createPgliteDriver(resolve(config.dataDir)),
    // PGlite has no extensions to install and its one session is leased per query runner.
    installExtensions: false,
    extra: { types: createTypeParsers() },
  };
}
