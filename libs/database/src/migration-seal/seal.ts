/**
 * `npm run migrations:seal`: records the sha256 of every migration not sealed yet in
 * libs/database/src/migrations/released.json. Run it when a migration is released (merged to main); commit the
 * result with the migration. Exits 1, writing nothing, when a released migration was changed or deleted.
 */
import { seal } from './migration-seal';

const { added, problems } = seal();
if (problems.length > 0) {
  for (const p of problems) process.stderr.write(`${p.problem}: ${p.message}\n`);
  process.exit(1);
}
process.stdout.write(added.length ? `sealed ${added.length} migration(s):\n${added.map((f) => `  ${f}\n`).join('')}` : 'every migration is already sealed\n');
