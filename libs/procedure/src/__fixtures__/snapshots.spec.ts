import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOP_STATES } from '../model/states';
import { allowedEventsOf, decide, describe as describeCase, restoreAggregate } from '../engine/engine';
import { makeEnv } from './scenario';

const dir = join(__dirname, 'snapshots');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('stored snapshot fixtures', () => {
  it('there is one fixture per top-level state', () => {
    expect(files.map((f) => f.replace(/\.json$/, '')).sort()).toEqual([...TOP_STATES].sort());
  });

  it.each(files)('%s restores into the current machine with its state name', (file) => {
    const json = JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown;
    const aggregate = restoreAggregate(json);
    const description = describeCase(aggregate);
    expect(description.state).toBe(file.replace(/\.json$/, ''));
    expect(description.allowedEvents).toEqual(allowedEventsOf(aggregate));
    // A restored case still decides: an event dated before its last step is refused by rule or by state.
    const d = decide(aggregate, { type: 'WITHDRAWN', occurredOn: '2000-01-01', reason: 'x' }, makeEnv());
    expect(d.ok).toBe(false);
  });

});
