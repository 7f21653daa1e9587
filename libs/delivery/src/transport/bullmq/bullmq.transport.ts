import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectQueue, WorkerHost } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { AppConfig } from '@charterflow/config';
import { PlannedFiring } from '../../contracts';
import { DeliveryTransport, ScheduledJob } from '../delivery-transport';
import { FIRING_QUEUES, QueueName, QUEUES } from '../queues';
import { WakeUpJobData, wakeUpJobOf, wakeUpsOf } from './wake-up-job';
import { WEBHOOKS_JOB_NAME, WEBHOOKS_SCHEDULER_ID } from './webhooks.processor';
import { Clock } from '@charterflow/kernel';

/** Injection token of the processors whose workers this transport runs. */
export const DELIVERY_WORKERS = Symbol('DELIVERY_WORKERS');

/** States of a job that has not run yet and can be withdrawn. */
export const WAITING_STATES = ['delayed', 'waiting', 'prioritized'] as const;
/** States listed by `listScheduled`: waiting ones, the active ones, and the failed ones kept for inspection. */
export const LISTED_STATES = [...WAITING_STATES, 'active', 'failed'] as const;

const ADD_CHUNK = 1000;

/**
 * Deadline delivery on BullMQ (ADR 0007 §6, ADR 0033): in the queue of each concern, a delayed wake-up per instant
 * at which firings fall due; the wake-up fires what is pending then, read from PostgreSQL. Adds are idempotent
 * (BullMQ ignores an existing id); delays are counted from the injected clock.
 */
@Injectable()
export class BullmqTransport extends DeliveryTransport {
  readonly name = 'bullmq' as const;
  private readonly logger = new Logger(BullmqTransport.name);
  private readonly queues: Record<QueueName, Queue>;

  constructor(
    @InjectQueue(QUEUES.reminders) reminders: Queue,
    @InjectQueue(QUEUES.escalations) escalations: Queue,
    @InjectQueue(QUEUES.timedEvents) timedEvents: Queue,
    @InjectQueue(QUEUES.webhooks) webhooks: Queue,
    @Inject(DELIVERY_WORKERS) private readonly workers: WorkerHost[],
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    super();
    this.queues = {
      [QUEUES.reminders]: reminders,
      [QUEUES.escalations]: escalations,
      [QUEUES.timedEvents]: timedEvents,
      [QUEUES.webhooks]: webhooks,
    };
  }

  queue(name: QueueName): Queue {
    return this.queues[name];
  }

  async start(): Promise<void> {
    await this.ensureSchedulers();
    for (const host of this.workers) {
      host.worker.on('error', (error) => this.logger.error({ err: error, queue: host.worker.name }, 'worker error'));
      host.worker.on('failed', (job, error) =>
        this.logger.warn({ err: error, queue: host.worker.name, jobId: job?.id, attempts: job?.attemptsMade }, 'job failed'),
      );
      // run() resolves only when the worker closes.
      void host.worker.run().catch((error: unknown) => this.logger.error({ err: error, queue: host.worker.name }, 'worker stopped'));
    }
    await Promise.all(this.workers.map((h) => h.worker.waitUntilReady()));
    this.logger.log(`BullMQ workers running on ${this.workers.map((h) => h.worker.name).join(', ')}`);
  }

  /** Closes the workers; each waits for its active jobs to finish (the drain on SIGTERM). */
  async stop(): Promise<void> {
    await Promise.all(this.workers.map((h) => h.worker.close()));
  }

  /**
   * Adds the wake-ups that make `firings` run (`wakeUpsOf`): the shared one of each future instant (BullMQ ignores
   * the add when it is waiting already), a catch-up under its own id for an instant that is near or past. Returns
   * the number of wake-ups handed over.
   */
  async schedule(firings: readonly PlannedFiring[]): Promise<number> {
    const now = this.clock.now();
    const wakeUps = wakeUpsOf(firings, now, randomUUID());
    for (const name of FIRING_QUEUES) {
      const jobs = wakeUps.filter((w) => w.queue === name).map((w) => wakeUpJobOf(w, now));
      for (let i = 0; i < jobs.length; i += ADD_CHUNK) await this.queues[name].addBulk(jobs.slice(i, i + ADD_CHUNK));
    }
    return wakeUps.length;
  }

  /** Withdraws waiting wake-ups; one that is running (locked by a worker) is left to finish. */
  async unschedule(jobs: readonly Pick<ScheduledJob, 'queue' | 'jobId'>[]): Promise<number> {
    let removed = 0;
    for (const job of jobs) {
      if (!(FIRING_QUEUES as readonly string[]).includes(job.queue)) continue;
      removed += await this.queues[job.queue as QueueName].remove(job.jobId);
    }
    return removed;
  }

  /** Every wake-up not yet completed, with its instant. */
  async listScheduled(): Promise<ScheduledJob[]> {
    const out: ScheduledJob[] = [];
    for (const name of FIRING_QUEUES) {
      for (const state of LISTED_STATES) {
        for (const job of await this.queues[name].getJobs([state], 0, -1)) {
          if (job?.id === undefined) continue; // removed between the listing and the read
          out.push({ jobId: job.id, queue: name, state, fireAt: (job.data as Partial<WakeUpJobData>).fireAt });
        }
      }
    }
    return out;
  }

  /** The webhook scheduler: upserted at start and by the reconciler (a wiped Redis loses schedulers too). */
  async ensureSchedulers(): Promise<void> {
    await this.queues[QUEUES.webhooks].upsertJobScheduler(
      WEBHOOKS_SCHEDULER_ID,
      { every: this.config.DELIVERY_POLL_INTERVAL_MS },
      { name: WEBHOOKS_JOB_NAME, opts: { removeOnComplete: true, removeOnFail: { count: 100 } } },
    );
  }

  /** False when Redis lost its state (restarted empty, flushed): the reconciler must rebuild the queues. */
  async schedulersPresent(): Promise<boolean> {
    return (await this.queues[QUEUES.webhooks].getJobScheduler(WEBHOOKS_SCHEDULER_ID)) !== undefined;
  }
}
