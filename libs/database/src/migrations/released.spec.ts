import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkReleased, hashOf, migrationFiles, MIGRATIONS_DIR, readReleased, RELEASED_FILE, seal } from '../migration-seal/migration-seal';
import { MIGRATIONS } from './index';

/** Migrations are append-only once released (ADR 0011): released.json seals each released file by its sha256. */
describe('released migrations', () => {
  it('are unchanged and all present (a change to the schema is a NEW migration; see the message for which file)', () => {
    expect(checkReleased().map((p) => p.message)).toEqual([]);
  });

  it('are sealed by their exact bytes, one line per file', () => {
    const released = readReleased();
    expect(Object.keys(released).length).toBeGreaterThanOrEqual(14);
    for (const [file, sha256] of Object.entries(released)) {
      expect(sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(hashOf(join(MIGRATIONS_DIR, file))).toBe(sha256);
    }
  });

  it('are all in MIGRATIONS, which lists every migration file in timestamp order', () => {
    const files = migrationFiles();
    expect(MIGRATIONS.map((m) => m.name)).toEqual(files.map((f) => f.replace(/^(\d{13})-(\w+)\.ts$/, '$2$1')));
    for (const file of Object.keys(readReleased())) expect(files).toContain(file);
  });

  it('are stored with LF line endings (.gitattributes), so the hashes hold on every checkout', () => {
    for (const file of Object.keys(readReleased())) expect(readFileSync(join(MIGRATIONS_DIR, file), 'utf8')).not.toContain('\r');
  });

  describe('the check and `npm run migrations:seal` (on a scratch folder)', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'migrations-'));
      writeFileSync(join(dir, '1767225600000-CreateA.ts'), 'export class CreateA1767225600000 {}\n');
      writeFileSync(join(dir, '1767225600100-CreateB.ts'), 'export class CreateB1767225600100 {}\n');
      writeFileSync(join(dir, 'index.ts'), 'export const MIGRATIONS = [];\n');
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('seals every migration file not sealed yet (not other files), then has nothing to add', () => {
      expect(seal(dir)).toEqual({ added: ['1767225600000-CreateA.ts', '1767225600100-CreateB.ts'], problems: [] });
      expect(Object.keys(JSON.parse(readFileSync(join(dir, RELEASED_FILE), 'utf8')))).toEqual(['1767225600000-CreateA.ts', '1767225600100-CreateB.ts']);
      expect(seal(dir)).toEqual({ added: [], problems: [] });
      writeFileSync(join(dir, '1767225600200-AlterC.ts'), 'export class AlterC1767225600200 {}\n');
      expect(seal(dir).added).toEqual(['1767225600200-AlterC.ts']);
      expect(checkReleased(dir)).toEqual([]);
    });

    it('fails on a released migration whose content changed, even by a line ending, and refuses to seal over it', () => {
      seal(dir);
      writeFileSync(join(dir, '1767225600100-CreateB.ts'), 'export class CreateB1767225600100 {}\r\n');
      expect(checkReleased(dir)).toEqual([expect.objectContaining({ file: '1767225600100-CreateB.ts', problem: 'CHANGED' })]);
      const before = readFileSync(join(dir, RELEASED_FILE), 'utf8');
      writeFileSync(join(dir, '1767225600200-AlterC.ts'), 'export class AlterC1767225600200 {}\n');
      expect(seal(dir)).toEqual({ added: [], problems: [expect.objectContaining({ problem: 'CHANGED' })] });
      expect(readFileSync(join(dir, RELEASED_FILE), 'utf8')).toBe(before);
    });

    it('fails on a released migration that was deleted', () => {
      seal(dir);
      unlinkSync(join(dir, '1767225600000-CreateA.ts'));
      expect(checkReleased(dir)).toEqual([expect.objectContaining({ file: '1767225600000-CreateA.ts', problem: 'DELETED' })]);
    });
  });
});
