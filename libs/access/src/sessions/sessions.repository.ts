import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Role } from '@charterflow/procedure';

/** What a request's token resolves to: its session, the account and the account's place in the tree. */
export interface SessionPrincipalRow {
  sessionId: string;
  expiresAt: Date;
  revokedAt: Date | null;
  userId: string;
  username: string;
  organisationId: string | null;
  organisationPath: string | null;
  roles: Role[];
  deletedAt: Date | null;
}

/** The only place that reads or writes `sessions`. */
@Injectable()
export class SessionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(s: { id: string; userId: string; issuedAt: Date; expiresAt: Date }): Promise<void> {
    await this.dataSource.query(`INSERT INTO sessions (id, user_id, issued_at, expires_at) VALUES ($1, $2, $3, $4)`, [s.id, s.userId, s.issuedAt, s.expiresAt]);
  }

  /** One statement per authenticated request. */
  async findPrincipal(sessionId: string): Promise<SessionPrincipalRow | null> {
    const rows: {
      id: string;
      expires_at: Date;
      revoked_at: Date | null;
      user_id: string;
      username: string;
      organisation_id: string | null;
      path: string | null;
      roles: Role[];
      deleted_at: Date | null;
    }[] = await this.dataSource.query(
      `SELECT s.id, s.expires_at, s.revoked_at, u.id AS user_id, u.username, u.organisation_id, o.path, u.roles, u.deleted_at
       FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN organisations o ON o.id = u.organisation_id
       WHERE s.id = $1`,
      [sessionId],
    );
    if (!rows.length) return null;
    const r = rows[0];
    return {
      sessionId: r.id,
      expiresAt: r.expires_at,
      revokedAt: r.revoked_at,
      userId: r.user_id,
      username: r.username,
      organisationId: r.organisation_id,
      organisationPath: r.path,
      roles: r.roles,
      deletedAt: r.deleted_at,
    };
  }

  /**
   * Moves a live session's end to `expiresAt` (never earlier than it was): the sliding renewal of a browser session.
   * Answers whether the session was still live.
   */
  async extend(sessionId: string, expiresAt: Date): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `UPDATE sessions SET expires_at = GREATEST(expires_at, $2) WHERE id = $1 AND revoked_at IS NULL RETURNING id`,
      [sessionId, expiresAt],
    );
    return rows.length > 0;
  }

  async revoke(sessionId: string, reason: string, now: Date): Promise<void> {
    await this.dataSource.query(`UPDATE sessions SET revoked_at = $2, revoked_reason = $3 WHERE id = $1 AND revoked_at IS NULL`, [sessionId, now, reason]);
  }

  /** Ends every live session of an account (password change or reset, deletion). */
  async revokeAllOfUser(m: EntityManager, userId: string, reason: string, now: Date): Promise<void> {
    await m.query(`UPDATE sessions SET revoked_at = $2, revoked_reason = $3 WHERE user_id = $1 AND revoked_at IS NULL`, [userId, now, reason]);
  }
}
