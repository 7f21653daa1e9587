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
   * Applies `next` to the stored state under the name's row lock, so that concurrent attempts on one name are
   * decided one after the other and each sees the ones before it. `next` answers the new state, or null to leave the
   * row as it is. Returns what is stored afterwards.
   */
  async update(usernameKey: string, next: (current: AttemptState) => AttemptState | null): Promise<AttemptState> {
    return this.dataSource.transaction(async (m) => {
      await m.query(`INSERT INTO login_attempts (username_key) VALUES ($1) ON CONFLICT (username_key) DO NOTHING`, [usernameKey]);
      const rows: { failures: number; last_failure_at: Date | null; locked_until: Date | null }[] = await m.query(
        `SELECT failures, last_failure_at, locked_until FROM login_attempts WHERE username_key = $1 FOR UPDATE`,
        [usernameKey],
      );
      const current: AttemptState = { failures: rows[0].failures, lastFailureAt: rows[0].last_failure_at, lockedUntil: rows[0].locked_until };
      const state = next(current);
      if (state === null) return current;
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
