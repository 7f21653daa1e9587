import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per running worker (in the API process or alone), refreshed every WORKER_HEARTBEAT_INTERVAL_MS and
 * removed on a clean stop: `/health` reads whether any worker beat recently. Times are the database's own clock,
 * the one clock every process shares.
 */
export class CreateWorkerHeartbeats1767225601400 implements MigrationInterface {
  name = 'CreateWorkerHeartbeats1767225601400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE worker_heartbeats (
        worker_id text PRIMARY KEY,
        transport text NOT NULL,
        host text NOT NULL,
        pid integer NOT NULL,
        interval_ms integer NOT NULL,
        started_at timestamptz NOT NULL DEFAULT now(),
        beat_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE worker_heartbeats`);
  }
}
