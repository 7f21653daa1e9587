import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { RowOf } from '@charterflow/database';
import { Role } from '@charterflow/procedure';
import { USERS_TABLE } from '../tables';
import { UserRecord } from './user';

/** A `users` row with the name of its organisation (read beside it, null over the whole tree). */
type RawUser = RowOf<typeof USERS_TABLE> & { organisation_name: string | null };

// A scalar subquery rather than a join, so that the same list serves SELECT, INSERT … RETURNING and UPDATE … RETURNING.
const COLUMNS = `u.id, u.username, u.full_name, u.title, u.organisation_id,
  (SELECT org.name FROM organisations org WHERE org.id = u.organisation_id) AS organisation_name,
  u.roles, u.password_hash, u.password_changed_at, u.created_at, u.updated_at, u.deleted_at`;

function toRecord(r: RawUser): UserRecord {
  return {
    id: r.id,
    username: r.username,
    fullName: r.full_name,
    title: r.title,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    // The column's CHECK admits only the known roles.
    roles: r.roles as Role[],
    passwordHash: r.password_hash,
    passwordChangedAt: r.password_changed_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
  };
}

/** The only place that reads or writes `users`. */
@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A live (not deleted) account by name, case-insensitively. */
  async findActiveByUsername(username: string): Promise<UserRecord | null> {
    const rows: RawUser[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM users u WHERE lower(u.username) = lower($1) AND u.deleted_at IS NULL`, [username]);
    return rows.length ? toRecord(rows[0]) : null;
  }

  /** Any account by name, deleted ones included (a name stays taken). */
  async findAnyByUsername(username: string): Promise<UserRecord | null> {
    const rows: RawUser[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM users u WHERE lower(u.username) = lower($1)`, [username]);
    return rows.length ? toRecord(rows[0]) : null;
  }

  /** A live account, or null when unknown, deleted, or (given `pathPrefix`) attached outside that subtree. */
  async findActive(id: string, pathPrefix: string | null = null): Promise<UserRecord | null> {
    const rows: RawUser[] =
      pathPrefix === null
        ? await this.dataSource.query(`SELECT ${COLUMNS} FROM users u WHERE u.id = $1 AND u.deleted_at IS NULL`, [id])
        : await this.dataSource.query(
            `SELECT ${COLUMNS} FROM users u JOIN organisations o ON o.id = u.organisation_id
             WHERE u.id = $1 AND u.deleted_at IS NULL AND o.path LIKE $2 || '%'`,
            [id, pathPrefix],
          );
    return rows.length ? toRecord(rows[0]) : null;
  }

  /** Live accounts attached in the subtree (every account, the tree-wide ones included, when `pathPrefix` is null). */
  async list(pathPrefix: string | null, organisationId?: string): Promise<UserRecord[]> {
    const where = ['u.deleted_at IS NULL'];
    const params: unknown[] = [];
    if (pathPrefix !== null) {
      params.push(pathPrefix);
      where.push(`EXISTS (SELECT 1 FROM organisations o WHERE o.id = u.organisation_id AND o.path LIKE $${params.length} || '%')`);
    }
    if (organisationId !== undefined) {
      params.push(organisationId);
      where.push(`u.organisation_id = $${params.length}`);
    }
    const rows: RawUser[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM users u WHERE ${where.join(' AND ')} ORDER BY lower(u.username)`, params);
    return rows.map(toRecord);
  }

  /** Inserts an account; null when the name is taken (by a live or a deleted account). */
  async insert(input: {
    username: string;
    fullName: string;
    title: string | null;
    organisationId: string | null;
    roles: Role[];
    passwordHash: string;
    now: Date;
  }): Promise<UserRecord | null> {
    const rows: RawUser[] = await this.dataSource.query(
      `INSERT INTO users AS u (username, full_name, title, organisation_id, roles, password_hash, password_changed_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5::text[], $6, $7, $7, $7)
       ON CONFLICT ((lower(username))) DO NOTHING
       RETURNING ${COLUMNS}`,
      [input.username, input.fullName, input.title, input.organisationId, input.roles, input.passwordHash, input.now],
    );
    return rows.length ? toRecord(rows[0]) : null;
  }

  /** Changes the given fields of a live account; null when it is unknown or deleted meanwhile. */
  async update(id: string, change: { fullName?: string; title?: string | null; roles?: Role[] }, now: Date): Promise<UserRecord | null> {
    const sets: string[] = [];
    const params: unknown[] = [id, now];
    if (change.fullName !== undefined) {
      params.push(change.fullName);
      sets.push(`full_name = $${params.length}`);
    }
    if (change.title !== undefined) {
      params.push(change.title);
      sets.push(`title = $${params.length}`);
    }
    if (change.roles !== undefined) {
      params.push(change.roles);
      sets.push(`roles = $${params.length}::text[]`);
    }
    // An UPDATE answers [rows, affected count].
    const [rows]: [RawUser[], number] = await this.dataSource.query(
      `UPDATE users AS u SET ${[...sets, 'updated_at = $2'].join(', ')} WHERE u.id = $1 AND u.deleted_at IS NULL RETURNING ${COLUMNS}`,
      params,
    );
    return rows.length ? toRecord(rows[0]) : null;
  }

  /**
   * The names of accounts by id, deleted ones included (a history keeps naming whoever recorded a step). Ids that
   * are not accounts are left out.
   */
  async namesByIds(ids: readonly string[]): Promise<Map<string, { fullName: string; title: string | null }>> {
    if (ids.length === 0) return new Map();
    const rows: Pick<RawUser, 'id' | 'full_name' | 'title'>[] = await this.dataSource.query(
      `SELECT u.id, u.full_name, u.title FROM users u WHERE u.id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, { fullName: r.full_name, title: r.title }]));
  }

  async setPassword(m: EntityManager, id: string, passwordHash: string, now: Date): Promise<void> {
    await m.query(`UPDATE users SET password_hash = $2, password_changed_at = $3, updated_at = $3 WHERE id = $1`, [id, passwordHash, now]);
  }

  /** Keeps the password, replaces only its stored hash (a stronger cost at the next login). */
  async rehash(id: string, passwordHash: string): Promise<void> {
    await this.dataSource.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [id, passwordHash]);
  }

  async softDelete(m: EntityManager, id: string, now: Date): Promise<boolean> {
    const [, affected]: [unknown, number] = await m.query(`UPDATE users SET deleted_at = $2, updated_at = $2 WHERE id = $1 AND deleted_at IS NULL`, [id, now]);
    return affected > 0;
  }

  /** The bootstrap admin: restores it if deleted, attaches it to the whole tree with every role. */
  async restoreAsAdmin(m: EntityManager, id: string, roles: Role[], now: Date): Promise<void> {
    await m.query(`UPDATE users SET deleted_at = NULL, organisation_id = NULL, roles = $2::text[], updated_at = $3 WHERE id = $1`, [id, roles, now]);
  }

  /** Sets the bootstrap admin's full name (ADMIN_FULL_NAME). */
  async setFullName(m: EntityManager, id: string, fullName: string, now: Date): Promise<void> {
    await m.query(`UPDATE users SET full_name = $2, updated_at = $3 WHERE id = $1`, [id, fullName, now]);
  }

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
