import { DataSource } from 'typeorm';
import { MIGRATIONS } from '@charterflow/database';
import { createDatabase, databaseUrlOf, dropDatabase, newDatabaseName, TEST_POSTGRES_URL } from '../support/test-services';

/**
 * Migration 1767225601900-AccountNames on a database that already holds accounts: each gets its username as full
 * name and no title, and from then on the columns hold only what the API lets through (ADR 0020).
 */
describe('migration AccountNames on existing accounts (real PostgreSQL)', () => {
  const name = newDatabaseName();
  let db: DataSource;
  const before = MIGRATIONS.filter((m) => m.name !== 'AccountNames1767225601900');

  beforeAll(async () => {
    expect(before.length).toBe(MIGRATIONS.length - 1);
    await createDatabase(name);
    const old = await new DataSource({ type: 'postgres', url: databaseUrlOf(TEST_POSTGRES_URL, name), migrations: before }).initialize();
    try {
      await old.runMigrations();
      await old.query(
        `INSERT INTO users (username, organisation_id, roles, password_hash, password_changed_at, created_at, updated_at, deleted_at)
         VALUES ('bt.cu', NULL, '{admin}', 'x', now(), now(), now(), NULL), ('da.xoa', NULL, '{inspector}', 'x', now(), now(), now(), now())`,
      );
    } finally {
      await old.destroy();
    }
    db = await new DataSource({ type: 'postgres', url: databaseUrlOf(TEST_POSTGRES_URL, name), migrations: MIGRATIONS }).initialize();
    await db.runMigrations();
  });
  afterAll(async () => {
    await db?.destroy();
    await dropDatabase(name);
  });

  it('names every existing account, deleted ones included, by its username, with no title', async () => {
    expect(await db.query(`SELECT username, full_name, title FROM users ORDER BY username`)).toEqual([
      { username: 'bt.cu', full_name: 'bt.cu', title: null },
      { username: 'da.xoa', full_name: 'da.xoa', title: null },
    ]);
  });

  it('keeps a full name of 1–200 characters without surrounding spaces, and a title of 1–200 or none', async () => {
    const set = (column: 'full_name' | 'title', value: string | null) => db.query(`UPDATE users SET ${column} = $1 WHERE username = 'bt.cu'`, [value]);
    await set('full_name', 'ễ'.repeat(200));
    await set('title', 'Bí thư chi bộ');
    await set('title', null);
    for (const [column, value] of [
      ['full_name', ''],
      ['full_name', 'ễ'.repeat(201)],
      ['full_name', ' Lan'],
      ['full_name', null],
      ['title', ''],
      ['title', 't'.repeat(201)],
    ] as const) {
      await expect(set(column, value)).rejects.toThrow(/violates (check|not-null) constraint/);
    }
  });
});
