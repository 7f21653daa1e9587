/**
 * Rewrites the persisted-aggregate fixtures, one per top-level state:
 *   node -r @swc-node/register libs/procedure/src/__fixtures__/generate-snapshots.ts
 * Run it only when MACHINE_VERSION is bumped on purpose; keep the files of older versions for migration tests.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFixtureAggregates } from './snapshot-fixtures';

const dir = join(__dirname, 'snapshots');
mkdirSync(dir, { recursive: true });
for (const [state, aggregate] of Object.entries(buildFixtureAggregates())) {
  writeFileSync(join(dir, `${state}.json`), `${JSON.stringify(aggregate, null, 2)}\n`);
}
