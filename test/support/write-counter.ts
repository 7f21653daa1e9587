import { DataSource } from 'typeorm';

const COUNTER_TABLE = 'test_write_counter';
const COUNT_FUNCTION = 'test_count_write';
const TRIGGER = 'test_count_write';

export interface WriteCounter {
  /** Statements that wrote (INSERT, UPDATE, DELETE) to a counted table and were committed, so far. */
  read(): Promise<number>;
  /** The tables counted. */
  tables: string[];
  /** Drops the triggers, the function and the counter: the database is as it was. */
  uninstall(): Promise<void>;
}

/**
 * Counts the writes of the application in the run's database: a statement-level AFTER INSERT OR UPDATE OR DELETE
 * trigger on every table of the public schema (but `except`) adds one to a counter row, in the writing transaction,
 * so a rolled-back attempt does not count. A test reads the counter before and after a request to prove that a
 * refused request wrote nothing. Requests must then run one at a time (the counter row serialises writers).
 */
export async function installWriteCounter(dataSource: DataSource, options: { except?: readonly string[] } = {}): Promise<WriteCounter> {
  const except = new Set([COUNTER_TABLE, ...(options.except ?? [])]);
  const rows: { table_name: string }[] = await dataSource.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const tables = rows.map((r) => r.table_name).filter((t) => !except.has(t));
  await dataSource.transaction(async (m) => {
    await m.query(`CREATE TABLE ${COUNTER_TABLE} (writes bigint NOT NULL)`);
    await m.query(`INSERT INTO ${COUNTER_TABLE} (writes) VALUES (0)`);
    await m.query(`CREATE FUNCTION ${COUNT_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN UPDATE ${COUNTER_TABLE} SET writes = writes + 1; RETURN NULL; END $$`);
    for (const table of tables) {
      await m.query(`CREATE TRIGGER ${TRIGGER} AFTER INSERT OR UPDATE OR DELETE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION ${COUNT_FUNCTION}()`);
    }
  });
  return {
    tables,
    read: async () => Number((await dataSource.query(`SELECT writes FROM ${COUNTER_TABLE}`))[0].writes),
    uninstall: () =>
      dataSource.transaction(async (m) => {
        for (const table of tables) await m.query(`DROP TRIGGER IF EXISTS ${TRIGGER} ON "${table}"`);
        await m.query(`DROP FUNCTION IF EXISTS ${COUNT_FUNCTION}()`);
        await m.query(`DROP TABLE IF EXISTS ${COUNTER_TABLE}`);
      }),
  };
}
