import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from './database.options';

/**
 * DataSource for the TypeORM CLI, which needs compiled JavaScript, e.g.
 * `npx typeorm migration:show -d dist/libs/database/src/data-source.js`.
 * Uses DATABASE_URL when set, else the embedded database in DATA_DIR (default `./.data`).
 */
export default new DataSource({
  ...buildDataSourceOptions({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir: process.env.DATA_DIR || './.data' }),
  migrationsRun: false,
});
