import { MigrationInterface, QueryRunner } from 'typeorm';

/** Answers to requests that carried an Idempotency-Key, replayed when the same request comes again. */
export class CreateIdempotencyKeys1767225600200 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1767225600200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_keys (
        scope text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        status_code integer NOT NULL,
        response jsonb NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (scope, key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_keys`);
  }
}
