import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** How many heartbeat intervals may pass before a worker counts as gone. */
export const MISSED_BEATS_TOLERATED = 3;

export interface WorkerLiveness {
  /** Workers whose last beat is within MISSED_BEATS_TOLERATED of their interval. */
  alive: number;
  /** The most recent beat of any worker (ISO instant), or null when none has ever beaten. */
  lastBeatAt: string | null;
}

/** The only place that reads or writes `worker_heartbeats`; every time is the database's `now()`. */
@Injectable()
export class WorkerHeartbeatsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async beat(worker: { id: string; transport: string; host: string; pid: number; intervalMs: number }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO worker_heartbeats (worker_id, transport, host, pid, interval_ms) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (worker_id) DO UPDATE SET beat_at = now(), interval_ms = EXCLUDED.interval_ms`,
      [worker.id, worker.transport, worker.host, worker.pid, worker.intervalMs],
    );
  }

  async remove(workerId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM worker_heartbeats WHERE worker_id = $1`, [workerId]);
  }

  async liveness(): Promise<WorkerLiveness> {
    const [row]: { alive: number; last_beat_at: Date | null }[] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE beat_at > now() - make_interval(secs => $1 * interval_ms / 1000.0))::int AS alive,
              max(beat_at) AS last_beat_at
       FROM worker_heartbeats`,
      [MISSED_BEATS_TOLERATED],
    );
    return { alive: row.alive, lastBeatAt: row.last_beat_at ? new Date(row.last_beat_at).toISOString() : null };
  }
}
