import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A case transferred to another cell (HD06 §3.9; ADR 0024) notifies the cells on both sides: notifications of kind
 * `transfer` (no deadline, no phase).
 */
export class TransferNotifications1767225602300 implements MigrationInterface {
  name = 'TransferNotifications1767225602300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('reminder', 'escalation', 'probation_ended', 'transfer'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notifications WHERE kind = 'transfer'`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('reminder', 'escalation', 'probation_ended'))`);
  }
}
