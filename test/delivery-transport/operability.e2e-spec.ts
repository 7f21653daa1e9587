import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { DueSweep, QUEUES, WAKE_UP_JOB_NAME, WorkerHeartbeat } from '@charterflow/delivery';
import { startTestApp, TestApp } from '../support/app';
import { CLOSED_REDIS_URL, TEST_REDIS_URL } from '../support/redis';
import { caseAwaitingDecision, deadlineOf } from '../delivery/support';
import { BullmqTestApp, processorOf, queueFor, resetDeliveryState, startBullmqApp, waitFor, wakeUpAt } from './support';


/** A metric's value in a Prometheus text exposition, or undefined. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const labelText = line.slice(name.length).split(' ')[0];
    if (wanted.every((w) => labelText.includes(w))) return Number(line.split(' ').pop());
  }
  return undefined;
}

describe('operability: /metrics and /health', () => {
  beforeAll(() => resetDeliveryState());

  describe('with the in-process BullMQ worker', () => {
    let t: BullmqTestApp;
    beforeAll(async () => {
      t = await startBullmqApp({ today: '2026-01-14' });
    });
    afterAll(() => t?.close());

    it('exposes queue depths, firings by outcome, the lateness histogram and the oldest overdue deadline', async () => {
      const { c } = await caseAwaitingDecision(t);
      await t.relay.relayAll();
      const d = await deadlineOf(t.db, c.id, 'ADMISSION_DECISION');

      const before = await t.http.get('/metrics').expect(200);
      expect(before.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
      const delayed = await queueFor(t, 'remind-10wd').getDelayedCount();
      expect(delayed).toBeGreaterThanOrEqual(3);
      expect(sample(before.text, 'charterflow_queue_jobs', { queue: 'deadline-reminders', state: 'delayed' })).toBe(delayed);
      expect(sample(before.text, 'charterflow_queue_jobs', { queue: 'deadline-escalations', state: 'delayed' })).toBeGreaterThanOrEqual(1);
      expect(sample(before.text, 'charterflow_oldest_overdue_deadline_seconds')).toBe(0);

      // A reminder's wake-up run 5 s after its instant (08:00 local on 2026-03-23), then the firing handed over again
      // (a duplicate, as when two replicas read it at once).
      const job = await wakeUpAt(t, QUEUES.reminders, '2026-03-23T01:00:00.000Z');
      t.clock.set('2026-03-23T01:00:05.000Z');
      await processorOf(t, QUEUES.reminders).process(job!);
      await t.app.get(DueSweep).fire([{ deadlineId: d.id, generation: 1, phase: 'remind-3wd' }]);

      // Two days later the deadline is still open (its escalation's wake-up waits in real time): overdue since 00:00 local on 27/03.
      t.clock.set('2026-03-28T03:00:00.000Z');
      const after = (await t.http.get('/metrics').expect(200)).text;
      expect(sample(after, 'charterflow_firings_total', { phase: 'remind', outcome: 'fired' })).toBe(1);
      expect(sample(after, 'charterflow_firings_total', { phase: 'remind', outcome: 'duplicate' })).toBe(1);
      expect(sample(after, 'charterflow_firing_lateness_seconds_count', { phase: 'remind' })).toBe(1);
      expect(sample(after, 'charterflow_firing_lateness_seconds_sum', { phase: 'remind' })).toBe(5);
      expect(sample(after, 'charterflow_firing_lateness_seconds_bucket', { le: '2.5', phase: 'remind' })).toBe(0);
      expect(sample(after, 'charterflow_firing_lateness_seconds_bucket', { le: '5', phase: 'remind' })).toBe(1);
      expect(sample(after, 'charterflow_oldest_overdue_deadline_seconds')).toBe(Date.parse('2026-03-28T03:00:00.000Z') / 1000 - Date.parse('2026-03-26T17:00:00.000Z') / 1000);
    });

    it('reports Redis up with the queue lag, and the worker beating', async () => {
      const res = await t.http.get('/health').expect(200);
      expect(res.body).toMatchObject({
        status: 'ok',
        info: {
          database: { status: 'up' },
          redis: { status: 'up', queueLagSeconds: expect.any(Number), queues: { 'deadline-reminders': { lagSeconds: expect.any(Number) } } },
          worker: { status: 'up', workers: expect.any(Number), lastBeatAt: expect.any(String) },
        },
      });
      expect(res.body.info.worker.workers).toBeGreaterThanOrEqual(1);
      expect(res.body.degraded).toBeUndefined();
    });

    it('turns degraded when no worker has beaten for three intervals, and ok again at the next beat', async () => {
      const heartbeat = t.app.get(WorkerHeartbeat);
      await heartbeat.beatNow();
      // Every other worker of this run is gone; this one's last beat is four intervals old.
      await t.db.query(`DELETE FROM worker_heartbeats WHERE worker_id <> $1`, [heartbeat.workerId]);
      await t.db.query(`UPDATE worker_heartbeats SET beat_at = now() - make_interval(secs => 4 * interval_ms / 1000.0)`);
      const stale = (await t.http.get('/health').expect(200)).body;
      expect(stale).toMatchObject({ status: 'degraded', degraded: ['worker'], info: { database: { status: 'up' }, worker: { status: 'down', workers: 0 } } });
      // Just inside three intervals it still counts.
      await t.db.query(`UPDATE worker_heartbeats SET beat_at = now() - make_interval(secs => 2.9 * interval_ms / 1000.0)`);
      expect((await t.http.get('/health').expect(200)).body).toMatchObject({ status: 'ok', info: { worker: { status: 'up', workers: 1 } } });
      await t.db.query(`UPDATE worker_heartbeats SET beat_at = now() - make_interval(secs => 4 * interval_ms / 1000.0)`);
      await heartbeat.beatNow();
      expect((await t.http.get('/health').expect(200)).body).toMatchObject({ status: 'ok', info: { worker: { status: 'up', workers: 1 } } });
    });
  });

  it('a worker that stops cleanly removes its heartbeat; an API alone then reports degraded', async () => {
    const worker = await startBullmqApp({ today: '2026-01-14' });
    const id = worker.app.get(WorkerHeartbeat).workerId;
    expect(await worker.db.query(`SELECT count(*)::int AS n FROM worker_heartbeats WHERE worker_id = $1`, [id])).toEqual([{ n: 1 }]);
    await worker.close();
    const api = await startTestApp({ env: { RUN_WORKER: 'false', REDIS_URL: TEST_REDIS_URL } });
    try {
      const db = api.app.get(DataSource);
      expect(await db.query(`SELECT count(*)::int AS n FROM worker_heartbeats WHERE worker_id = $1`, [id])).toEqual([{ n: 0 }]);
      await db.query(`DELETE FROM worker_heartbeats`);
      expect((await api.http.get('/health').expect(200)).body).toMatchObject({ status: 'degraded', degraded: ['worker'], info: { redis: { status: 'up' }, worker: { status: 'down' } } });
    } finally {
      await api.close();
    }
  });

  describe('an API without worker (RUN_WORKER=false) beside Redis', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ env: { RUN_WORKER: 'false', REDIS_URL: TEST_REDIS_URL } });
    });
    afterAll(() => t?.close());

    it('still reports the queues, and a job nobody takes shows as queue lag', async () => {
      const queue = new Queue('deadline-reminders', { connection: { url: TEST_REDIS_URL } });
      try {
        await queue.pause(); // no worker anywhere takes it (another test file's worker may share this Redis)
        await queue.add(WAKE_UP_JOB_NAME, { fireAt: '2026-01-14T01:00:00.000Z' }, { jobId: 'at_1768352400000' });
        const lag = await waitFor(
          async () => (await t.http.get('/health').expect(200)).body.info.redis.queues['deadline-reminders'].lagSeconds as number,
          (s) => s > 0,
        );
        expect(lag).toBeGreaterThan(0);
        const metrics = (await t.http.get('/metrics').expect(200)).text;
        expect(sample(metrics, 'charterflow_queue_lag_seconds', { queue: 'deadline-reminders' })).toBeGreaterThan(0);
      } finally {
        await queue.obliterate({ force: true });
        await queue.close();
      }
    });
  });

  it('answers 503 naming redis when REDIS_URL points to a closed port, the database still up', async () => {
    const t = await startTestApp({ env: { RUN_WORKER: 'false', REDIS_URL: CLOSED_REDIS_URL } });
    try {
      const res = await t.http.get('/health').expect(503);
      expect(res.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', down: ['redis'] });
      expect(res.body.message).toContain('redis');
      // /metrics still answers (the queue gauges are simply absent).
      const metrics = (await t.http.get('/metrics').expect(200)).text;
      expect(metrics).toContain('charterflow_oldest_overdue_deadline_seconds');
      expect(sample(metrics, 'charterflow_queue_jobs', { queue: 'deadline-reminders' })).toBeUndefined();
    } finally {
      await t.close();
    }
  });
});
