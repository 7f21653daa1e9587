import { DataSource } from 'typeorm';

const COUNTER_TABLE = 'test_write_counter';
const COUNT_FUNCTION = 'test_count_write';
const TRIGGER = 'test_count_write';
const TRIGGERS = [
  ['INSERT', 'NEW'],
  ['UPDATE', 'NEW'],
  ['DELETE', 'OLD'],
] as const;

export interface WriteCounter {
  /** Rows inserted, updated or deleted in a counted table by committed statements, so far. */
  read(): Promise<number>;
  /** The tables counted. */
  tables: string[];
  /** Drops the triggers, the function and the counter: the database is as it was. */
  uninstall(): Promise<void>;
}

/**
 * Counts the writes of the application in the run's database: statement-level AFTER INSERT, UPDATE and DELETE
 * triggers on every table of the public schema (but `except`) add the number of rows the statement changed (its
 * transition table) to a counter row, in the writing transaction, so a rolled-back attempt does not count. A
 * statement that changed no row (`INSERT … ON CONFLICT DO NOTHING` on a taken name, `UPDATE … WHERE id = $1` on an
 * unknown id) writes nothing and adds nothing. A test reads the counter before and after a request to prove that a
 * refused request wrote nothing. Requests must then run one at a time (the counter row serialises writers).
 */
export async function installWriteCounter(dataSource: DataSource, options: { except?: readonly string[] } = {}): Promise<WriteCounter> {
  const except = new Set([COUNTER_TABLE, ...(options.except ?? [])]);
  const rows: { table_name: string }[] = await dataSource.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const tables = rows.map((r) => r.table_name).filter((t) => !except.has(t));
  await dataSource.transaction(async (m) => {
    // What an interrupted earlier file may have left (its triggers go with the function).
    await m.query(`DROP FUNCTION IF EXISTS ${COUNT_FUNCTION}() CASCADE`);
    await m.query(`DROP TABLE IF EXISTS ${COUNTER_TABLE}`);
    await m.query(`CREATE TABLE ${COUNTER_TABLE} (writes bigint NOT NULL)`);
    await m.query(`INSERT INTO ${COUNTER_TABLE} (writes) VALUES (0)`);
    // One function for the three triggers: each names its transition table `changed` (new rows, or old ones).
    await m.query(`CREATE FUNCTION ${COUNT_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE n bigint;
      BEGIN
        SELECT count(*) INTO n FROM changed;
        IF n > 0 THEN UPDATE ${COUNTER_TABLE} SET writes = writes + n; END IF;
        RETURN NULL;
      END $$`);
    for (const table of tables) {
      // PostgreSQL allows a transition table on a trigger of one event only: three triggers per table.
      for (const [event, transition] of TRIGGERS) {
        await m.query(
          `CREATE TRIGGER ${TRIGGER}_${event.toLowerCase()} AFTER ${event} ON "${table}" REFERENCING ${transition} TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ${COUNT_FUNCTION}()`,
        );
      }
    }
  });
  return {
    tables,
    read: async () => Number((await dataSource.query(`SELECT writes FROM ${COUNTER_TABLE}`))[0].writes),
    uninstall: () =>
      dataSource.transaction(async (m) => {
        for (const table of tables) for (const [event] of TRIGGERS) await m.query(`DROP TRIGGER IF EXISTS ${TRIGGER}_${event.toLowerCase()} ON "${table}"`);
        await m.query(`DROP FUNCTION IF EXISTS ${COUNT_FUNCTION}()`);
        await m.query(`DROP TABLE IF EXISTS ${COUNTER_TABLE}`);
      }),
  };
}
