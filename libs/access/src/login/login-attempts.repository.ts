import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AttemptState, NO_ATTEMPTS } from './lockout-policy';

/** The only place that reads or writes `login_attempts` (keyed by the lower-cased name as typed). */
@Injectable()
export class LoginAttemptsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(usernameKey: string): Promise<AttemptState> {
    const rows: { failures: number; last_failure_at: Date | null; locked_until: Date | null }[] = await this.dataSource.query(
      `SELECT failures, last_failure_at, locked_until FROM login_attempts WHERE username_key = $1`,
      [usernameKey],
    );
    return rows.length ? { failures: rows[0].failures, lastFailureAt: rows[0].last_failure_at, lockedUntil: rows[0].locked_until } : NO_ATTEMPTS;
  }

  /**
   * Applies `next` to the stored state under a row lock, so that a burst of concurrent failures counts each one.
   * Returns the stored result.
   */
  async recordFailure(usernameKey: string, next: (current: AttemptState) => AttemptState): Promise<AttemptState> {
    return this.dataSource.transaction(async (m) => {
      await m.query(`INSERT INTO login_attempts (username_key) VALUES ($1) ON CONFLICT (username_key) DO NOTHING`, [usernameKey]);
      const rows: { failures: number; last_failure_at: Date | null; locked_until: Date | null }[] = await m.query(
        `SELECT failures, last_failure_at, locked_until FROM login_attempts WHERE username_key = $1 FOR UPDATE`,
        [usernameKey],
      );
      const state = next({ failures: rows[0].failures, lastFailureAt: rows[0].last_failure_at, lockedUntil: rows[0].locked_until });
      await m.query(`UPDATE login_attempts SET failures = $2, last_failure_at = $3, locked_until = $4 WHERE username_key = $1`, [
        usernameKey,
        state.failures,
        state.lastFailureAt,
        state.lockedUntil,
      ]);
      return state;
    });
  }

  async clear(usernameKey: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_attempts WHERE username_key = $1`, [usernameKey]);
  }
}
