import { Pool, pg, Queryable } from './pg';

/**
 * Bench-only copies of `cases`, `case_events` and `deadlines`: same columns, types, defaults, checks, primary keys,
 * unique constraints and indexes (`LIKE … INCLUDING ALL`), plus the same foreign keys. Triggers are not copied:
 * the real `case_events` refuses UPDATE/DELETE (never fired by an append) and the real `deadlines` feeds the
 * delivery outbox, which is the engine's cost, not the baseline's.
 */
const CREATE_TABLES = [
  `CREATE TABLE bench_cases (LIKE cases INCLUDING ALL)`,
  `ALTER TABLE bench_cases ADD FOREIGN KEY (organisation_id) REFERENCES organisations (id)`,
  `CREATE TABLE bench_events (LIKE case_events INCLUDING ALL)`,
  // LIKE copies the default nextval('case_events_id_seq'): give the copy its own sequence.
  `CREATE SEQUENCE bench_events_id_seq OWNED BY bench_events.id`,
  `ALTER TABLE bench_events ALTER COLUMN id SET DEFAULT nextval('bench_events_id_seq')`,
  `ALTER TABLE bench_events ADD FOREIGN KEY (case_id) REFERENCES bench_cases (id)`,
  `CREATE TABLE bench_deadlines (LIKE deadlines INCLUDING ALL)`,
  `ALTER TABLE bench_deadlines ADD FOREIGN KEY (case_id) REFERENCES bench_cases (id)`,
];

const CASE_COLUMNS = `organisation_id, state, snapshot, machine_version, procedure_version, version, candidate, search_text, last_seq, last_hash, created_at, updated_at`;
const EVENT_COLUMNS = `seq, type, payload, occurred_on, recorded_at, actor, from_state, to_state, prev_hash, hash`;
const DEADLINE_COLUMNS = [
  'key',
  'kind',
  'base_on',
  'due_on',
  'original_due_on',
  'extended_by',
  'status',
  'source',
  'rule_set',
  'opened_on',
  'closed_on',
  'late_working_days',
  'reference',
] as const;

/** What one engine step wrote for one case, copied from the database so the baseline writes the same bytes. */
interface StepTemplate {
  state: string;
  snapshot: string;
  machineVersion: number;
  procedureVersion: string;
  lastHash: string;
  event: { seq: number; type: string; payload: string; occurredOn: string; actor: string; fromState: string | null; toState: string; prevHash: string; hash: string };
  deadlines: Record<(typeof DEADLINE_COLUMNS)[number], unknown>[];
}

/** The raw-SQL baseline: plain `pg`, the same kind of writes per operation as an engine step, nothing else. */
export class RawSide {
  private step?: StepTemplate;
  private upsertSql = '';

  constructor(private readonly db: Queryable) {}

  async createTables(): Promise<void> {
    for (const sql of CREATE_TABLES) await this.db.query(sql);
  }

  /** `count` copies of an opened engine case (row + its CASE_OPENED history row); returns the new ids. */
  async seed(openedCaseId: string, count: number): Promise<string[]> {
    const { rows } = await this.db.query<{ id: string }>(
      `INSERT INTO bench_cases (id, ${CASE_COLUMNS})
       SELECT gen_random_uuid(), ${CASE_COLUMNS} FROM cases, generate_series(1, $2) WHERE cases.id = $1
       RETURNING id`,
      [openedCaseId, count],
    );
    if (rows.length !== count) throw new Error(`seeding bench_cases from ${openedCaseId} made ${rows.length} rows, not ${count}`);
    await this.db.query(
      `INSERT INTO bench_events (case_id, ${EVENT_COLUMNS})
       SELECT b.id, ${EVENT_COLUMNS.split(', ').map((c) => `e.${c}`).join(', ')}
       FROM bench_cases b CROSS JOIN case_events e WHERE e.case_id = $1 AND e.seq = 1`,
      [openedCaseId],
    );
    return rows.map((r) => r.id);
  }

  /** Loads what the engine wrote for `steppedCaseId` (after one measured dispatch) as the baseline's payload. */
  async loadStep(steppedCaseId: string): Promise<void> {
    const [c] = (
      await this.db.query<{ state: string; snapshot: unknown; machine_version: number; procedure_version: string; last_seq: number; last_hash: string }>(
        `SELECT state, snapshot, machine_version, procedure_version, last_seq, last_hash FROM cases WHERE id = $1`,
        [steppedCaseId],
      )
    ).rows;
    const events = (
      await this.db.query<{ seq: number; type: string; payload: unknown; occurred_on: string; actor: unknown; from_state: string | null; to_state: string; prev_hash: string; hash: string }>(
        `SELECT seq, type, payload, occurred_on::text, actor, from_state, to_state, prev_hash, hash FROM case_events WHERE case_id = $1 AND seq > 1 ORDER BY seq`,
        [steppedCaseId],
      )
    ).rows;
    const deadlines = (
      await this.db.query<StepTemplate['deadlines'][number]>(
        `SELECT ${DEADLINE_COLUMNS.map((col) => (/_on$/.test(col) ? `${col}::text` : col)).join(', ')} FROM deadlines WHERE case_id = $1 ORDER BY key`,
        [steppedCaseId],
      )
    ).rows;
    if (!c || events.length !== 1 || c.last_seq !== 2) throw new Error(`case ${steppedCaseId} is not one step past opening`);
    if (deadlines.length === 0) throw new Error(`case ${steppedCaseId} has no deadline to upsert`);
    const [e] = events;
    this.step = {
      state: c.state,
      snapshot: JSON.stringify(c.snapshot),
      machineVersion: c.machine_version,
      procedureVersion: c.procedure_version,
      lastHash: c.last_hash,
      event: {
        seq: e.seq,
        type: e.type,
        payload: JSON.stringify(e.payload),
        occurredOn: e.occurred_on,
        actor: JSON.stringify(e.actor),
        fromState: e.from_state,
        toState: e.to_state,
        prevHash: e.prev_hash,
        hash: e.hash,
      },
      deadlines,
    };
    // One multi-row upsert of every deadline the step wrote: $1 = case id, $2 = updated_at, then the columns row by row.
    const width = DEADLINE_COLUMNS.length;
    const values = deadlines.map((_, r) => `($1, ${DEADLINE_COLUMNS.map((_c, i) => `$${3 + r * width + i}`).join(', ')}, $2)`);
    this.upsertSql = `INSERT INTO bench_deadlines (case_id, ${DEADLINE_COLUMNS.join(', ')}, updated_at) VALUES ${values.join(', ')}
      ON CONFLICT (case_id, key) DO UPDATE SET ${DEADLINE_COLUMNS.filter((col) => col !== 'key')
        .map((col) => `${col} = EXCLUDED.${col}`)
        .join(', ')}, updated_at = EXCLUDED.updated_at`;
  }

  /**
   * One measured operation, in one transaction: the versioned case update (no SELECT … FOR UPDATE; 0 rows = lost
   * race), the history row, the deadline upsert.
   */
  task(pool: Pool, caseId: string): () => Promise<void> {
    const s = this.step;
    if (!s) throw new Error('loadStep() must run before task()');
    return async () => {
      const now = new Date();
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const updated = await client.query(
          `UPDATE bench_cases SET state = $3, snapshot = $4::jsonb, machine_version = $5, procedure_version = $6,
                  last_seq = $7, last_hash = $8, updated_at = $9, version = version + 1
           WHERE id = $1 AND version = $2`,
          [caseId, 1, s.state, s.snapshot, s.machineVersion, s.procedureVersion, s.event.seq, s.lastHash, now],
        );
        if (updated.rowCount !== 1) throw new Error(`bench case ${caseId} is no longer at version 1`);
        const e = s.event;
        await client.query(
          `INSERT INTO bench_events (case_id, ${EVENT_COLUMNS}) VALUES ($1, $2, $3, $4::jsonb, $5::date, $6, $7::jsonb, $8, $9, $10, $11)`,
          [caseId, e.seq, e.type, e.payload, e.occurredOn, now, e.actor, e.fromState, e.toState, e.prevHash, e.hash],
        );
        await client.query(this.upsertSql, [caseId, now, ...s.deadlines.flatMap((d) => DEADLINE_COLUMNS.map((col) => d[col]))]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    };
  }

  /** History rows the measured operations wrote (for the final consistency check). */
  async measuredEventRows(): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM bench_events WHERE seq > 1`);
    return rows[0].n;
  }
}

/** A pool of `size` connections, all opened before it is used so no measured operation pays for a connect. */
export async function openPool(connectionString: string, size: number): Promise<Pool> {
  const pool = new pg.Pool({ connectionString, max: size });
  await warmPool(pool, size);
  return pool;
}

/** Checks out `n` connections at once and gives them back, so the pool holds `n` open connections. */
export async function warmPool(pool: Pool, n: number): Promise<void> {
  const clients = await Promise.all(Array.from({ length: n }, () => pool.connect()));
  clients.forEach((c) => c.release());
}
