import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** An outbox message: this deadline changed (due date or status) and reached this generation. */
export interface OutboxMessage {
  deadlineId: string;
  generation: number;
}

/** The only place that reads or deletes `outbox` rows (written by the trigger on `deadlines`). */
@Injectable()
export class OutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Claims and deletes up to `limit` of the oldest messages inside the caller's transaction. Rows locked by another
   * relay are skipped, so several workers share the outbox; a rollback (the queue could not be reached) puts the
   * rows back, so a crash re-relays rather than loses.
   */
  async claim(m: EntityManager, limit: number): Promise<OutboxMessage[]> {
    // TypeORM answers a DELETE … RETURNING on PostgreSQL with [rows, affected].
    const [rows]: [{ deadline_id: string; generation: number }[], number] = await m.query(
      `DELETE FROM outbox WHERE id IN (SELECT id FROM outbox ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING deadline_id, generation`,
      [limit],
    );
    return rows.map((r) => ({ deadlineId: r.deadline_id, generation: Number(r.generation) }));
  }

  /** Poll mode has no queue to feed (the poller reads the deadlines themselves): the messages are dropped. */
  async purge(): Promise<number> {
    const [, affected]: [unknown[], number] = await this.dataSource.query(`DELETE FROM outbox`);
    return affected ?? 0;
  }
}
