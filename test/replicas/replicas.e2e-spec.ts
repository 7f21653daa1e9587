import { TEST_DATABASE_URL } from '../support/database';
import { TEST_REDIS_URL } from '../support/redis';
import { resetDeliveryState } from '../delivery-transport/support';
import { ReplicaScenarioResult, runReplicaScenario } from './scenario';

/**
 * Two API and two worker processes on one PostgreSQL and one Redis, one of each killed with SIGKILL midway
 * (scenario.ts): every acknowledged step is stored once, every due deadline fires once. Run small here; `npm run
 * bench:replicas` runs the same scenario with 10,000 of each (docs/benchmarks.md).
 */
describe('two API and two worker processes, one of each killed midway', () => {
  const STEPS = 120;
  const DEADLINES = 400;
  let r: ReplicaScenarioResult;

  beforeAll(async () => {
    await resetDeliveryState();
    r = await runReplicaScenario({ databaseUrl: TEST_DATABASE_URL, redisUrl: TEST_REDIS_URL, steps: STEPS, deadlines: DEADLINES, concurrency: 8, timeoutMs: 60_000, workerBatch: 20 });
  }, 240_000);

  it('killed API A with SIGKILL half-way through the steps, and worker 1 a quarter of the way through the firings', () => {
    expect(r.killed).toEqual({ api: null, worker: null });
    expect(r.steps.acknowledgedAtKill).toBeGreaterThanOrEqual(STEPS / 2);
    expect(r.steps.acknowledgedAtKill).toBeLessThan(STEPS);
    expect(r.deadlines.firedAtKill).toBeGreaterThanOrEqual(DEADLINES / 4);
  });

  it('acknowledged every step, A’s unanswered ones on B with the same Idempotency-Key, and stored each exactly once', () => {
    expect(r.steps.refused).toEqual([]);
    expect(r.steps.acknowledged).toBe(STEPS);
    expect(r.steps).toMatchObject({ sent: STEPS, storedOnce: STEPS, storedNever: 0, storedTwice: 0, wrongVersion: 0 });
  });

  it('fired every seeded escalation exactly once, each deadline missed, one notification per recipient', () => {
    expect(r.deadlines).toMatchObject({ seeded: DEADLINES, firedOnce: DEADLINES, notFired: 0, notMissed: 0, doubledNotifications: 0 });
    // The superior bodies of the cell are alerted: more than one recipient each, none twice.
    expect(r.deadlines.recipientsEach).toBeGreaterThan(1);
    expect(r.deadlines.notifications).toBe(DEADLINES * r.deadlines.recipientsEach);
  });
});
