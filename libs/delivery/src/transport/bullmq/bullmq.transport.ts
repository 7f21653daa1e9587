import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectQueue, WorkerHost } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { AppConfig } from '@charterflow/config';
import { PlannedFiring } from '../../contracts';
import { DeliveryTransport, ScheduledJob } from '../delivery-transport';
import { FIRING_QUEUES, parseJobId, QueueName, queueOfPhase, QUEUES } from '../queues';
import { firingJobOf, FiringJobData, jobDelay } from './firing-job';
import { WEBHOOKS_JOB_NAME, WEBHOOKS_SCHEDULER_ID } from './webhooks.processor';
import { Clock } from '@charterflow/kernel';

/** Injection token of the processors whose workers this transport runs. */
export const DELIVERY_WORKERS = Symbol('DELIVERY_WORKERS');

/** States of a job that has not run yet and can be withdrawn. */
export const WAITING_STATES = ['delayed', 'waiting', 'prioritized'] as const;
/** States listed by `listScheduled`: waiting ones, the active ones, and the failed ones the reconciler replaces. */
export const LISTED_STATES = [...WAITING_STATES, 'active', 'failed'] as const;

const ADD_CHUNK = 1000;
const REMOVE_IN_FLIGHT = 50;

/**
 * Deadline delivery on BullMQ (ADR 0007 §6): a delayed job per firing, in the queue of its concern, with the
 * firing's deterministic id. Adds are idempotent (BullMQ ignores an existing id); the delay is counted from the
 * injected clock.
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

  async schedule(firings: readonly PlannedFiring[]): Promise<number> {
    const now = this.clock.now();
    const byQueue = new Map<QueueName, PlannedFiring[]>();
    for (const f of firings) {
      const q = queueOfPhase(f.phase);
      byQueue.set(q, [...(byQueue.get(q) ?? []), f]);
    }
    for (const [name, list] of byQueue) {
      for (let i = 0; i < list.length; i += ADD_CHUNK) {
        await this.queues[name].addBulk(list.slice(i, i + ADD_CHUNK).map((f) => firingJobOf(f, now)));
      }
    }
    return firings.length;
  }

  async unschedule(jobIds: readonly string[]): Promise<number> {
    const ids = [...new Set(jobIds)].filter((id) => parseJobId(id) !== null);
    let removed = 0;
    // BullMQ removes one job per call: keep a few calls in flight rather than waiting for each round trip.
    for (let i = 0; i < ids.length; i += REMOVE_IN_FLIGHT) {
      const counts = await Promise.all(
        ids.slice(i, i + REMOVE_IN_FLIGHT).map((jobId) =>
          // 0 when the job does not exist or is locked by a worker (it will find a stale generation and do nothing).
          this.queues[queueOfPhase(parseJobId(jobId)!.phase)].remove(jobId),
        ),
      );
      removed += counts.reduce((a, b) => a + b, 0);
    }
    return removed;
  }

  /** Every firing job not yet completed, with its planned instant for the delayed ones. */
  async listScheduled(): Promise<ScheduledJob[]> {
    const out: ScheduledJob[] = [];
    for (const name of FIRING_QUEUES) {
      const queue = this.queues[name];
      for (const state of LISTED_STATES) {
        if (state === 'delayed') {
          // The delayed ones with their data: the reconciler re-times a job whose planned instant moved.
          for (const job of await queue.getJobs(['delayed'], 0, -1)) {
            out.push({ jobId: String(job.id), queue: name, state, fireAt: (job.data as FiringJobData).fireAt });
          }
        } else {
          for (const jobId of await queue.getRanges([state], 0, -1)) out.push({ jobId, queue: name, state });
        }
      }
    }
    return out;
  }

  /** Moves a delayed job to a new instant (the plan moved without a new generation, e.g. a calendar change). */
  async retime(firing: PlannedFiring): Promise<boolean> {
    const job = await this.queues[queueOfPhase(firing.phase)].getJob(firing.jobId);
    if (!job || !(await job.isDelayed())) return false;
    const { data } = firingJobOf(firing, this.clock.now());
    await job.updateData(data);
    await job.changeDelay(jobDelay(firing.fireAt, this.clock.now()));
    return true;
  }

  /** Removes a failed (or kept completed) job of a firing that is still pending, then adds it again. */
  async replace(firing: PlannedFiring): Promise<void> {
    await this.queues[queueOfPhase(firing.phase)].remove(firing.jobId);
    await this.schedule([firing]);
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
