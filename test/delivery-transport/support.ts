import { WorkerHost } from '@nestjs/bullmq';
import { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { BullmqTransport, DELIVERY_WORKERS, FiringPhase, OutboxRelay, QueueName, queueOfPhase, Reconciler, WakeUpJobData, WakeUpProcessor } from '@charterflow/delivery';
import { startTestApp, TestApp } from '../support/app';
import { createTestDataSource } from '../support/database';
import { flushTestRedis, TEST_REDIS_URL } from '../support/redis';
import { BusinessDate } from '@charterflow/procedure';

/** The whole application with the in-process worker on BullMQ (real Redis), plus the transport's parts. */
export interface BullmqTestApp extends TestApp {
  db: DataSource;
  transport: BullmqTransport;
  relay: OutboxRelay;
  reconciler: Reconciler;
}

/**
 * Starts the API with RUN_WORKER=true on the test PostgreSQL and the test Redis. The relay's own rhythm is an hour
 * (it runs once at start), so that each test relays when it chooses and the delays it reads are deterministic.
 */
export async function startBullmqApp(options: { today?: BusinessDate; env?: NodeJS.ProcessEnv } = {}): Promise<BullmqTestApp> {
  const t = await startTestApp({
    today: options.today,
    env: { RUN_WORKER: 'true', REDIS_URL: TEST_REDIS_URL, DELIVERY_POLL_INTERVAL_MS: '3600000', RECONCILE_INTERVAL_MS: '3600000', ...options.env },
  });
  return {
    ...t,
    db: t.app.get(DataSource),
    transport: t.app.get(BullmqTransport),
    relay: t.app.get(OutboxRelay),
    reconciler: t.app.get(Reconciler),
  };
}

/**
 * Empties the delivery state of the test database (cases, deadlines, firings, notifications, outbox, webhooks) and
 * the test Redis, so that a file's counts and job sets are its own. Call it before starting the application (a
 * TRUNCATE beside a running relay would deadlock).
 */
export async function resetDeliveryState(): Promise<void> {
  const db = await createTestDataSource();
  try {
    await db.transaction(async (m) => {
    await m.query(`SET LOCAL session_replication_role = replica`);
    const tables: { tablename: string }[] = await m.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('migrations', 'calendar_overrides', 'typeorm_metadata')`,
    );
    await m.query(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`);
    });
  } finally {
    await db.destroy();
  }
  await flushTestRedis();
}

/** Polls `read` until `done` holds (bounded: `attempts` × `everyMs`); returns the last value read. */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, attempts = 200, everyMs = 50): Promise<T> {
  let value = await read();
  for (let i = 0; i < attempts && !done(value); i += 1) {
    await new Promise((r) => setTimeout(r, everyMs));
    value = await read();
  }
  return value;
}

/** The queue a firing phase goes to. */
export function queueFor(t: BullmqTestApp, phase: FiringPhase): Queue {
  return t.transport.queue(queueOfPhase(phase));
}

/** The processor (WorkerHost) of a queue, to run a job directly. */
export function processorOf(t: BullmqTestApp, queue: QueueName): WakeUpProcessor {
  const hosts = t.app.get<WorkerHost[]>(DELIVERY_WORKERS);
  const host = hosts.find((h) => h.worker.name === queue);
  if (!(host instanceof WakeUpProcessor)) throw new Error(`no wake-up processor for ${queue}`);
  return host;
}

/** The shared wake-up of a queue at an instant (`at_<ms>`), or undefined. */
export async function wakeUpAt(t: BullmqTestApp, queue: QueueName, instant: string): Promise<Job<WakeUpJobData> | undefined> {
  return t.transport.queue(queue).getJob(`at_${Date.parse(instant)}`);
}

/** Every wake-up held in Redis (delayed, waiting, prioritized, active, failed), as `<queue> <job id>`, sorted. */
export async function scheduledIds(t: BullmqTestApp): Promise<string[]> {
  return (await t.transport.listScheduled()).map((j) => `${j.queue} ${j.jobId}`).sort();
}
