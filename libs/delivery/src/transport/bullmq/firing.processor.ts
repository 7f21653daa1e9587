import { Inject, Injectable, Logger, Type } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { DelayedError, Job, WorkerOptions } from 'bullmq';
import { FiringResult, PendingFirings } from '../../contracts';
import { DELIVERY_TUNING, DeliveryTuning } from '../delivery-tuning';
import { FiringBatcher } from '../firing-batcher';
import { delayUntil, FIRING_JOB_LEAD_MS, FiringJobData } from './firing-job';
import { Clock } from '@charterflow/kernel';

/** How long to wait before asking again when a job ran before its instant and the plan has no better answer. */
const EARLY_RETRY_MS = 1000;

/**
 * Runs a firing job: holds a job made ready ahead of its instant until the instant, then hands the job's ref to the
 * batcher, which fires it with others in one transaction of the idempotent firing handler, and waits for its own
 * answer. A transient error (database down) throws, and BullMQ retries with exponential backoff; a job run twice is
 * answered `duplicate` by the handler. A job that ran before its instant (the plan moved later, or clocks disagree)
 * goes back to the delayed set.
 */
@Injectable()
export abstract class FiringProcessor extends WorkerHost {
  private readonly logger = new Logger(FiringProcessor.name);

  constructor(
    private readonly batcher: FiringBatcher,
    private readonly pending: PendingFirings,
    private readonly clock: Clock,
    @Inject(DELIVERY_TUNING) private readonly tuning: DeliveryTuning,
  ) {
    super();
  }

  async process(job: Job<FiringJobData>, token?: string): Promise<FiringResult> {
    await this.untilInstant(job.data);
    await this.faultPause('before-fire');
    const result = await this.batcher.fire(job.data);
    await this.faultPause('after-fire');
    if (result.outcome === 'early') await this.deferEarly(job, token);
    return result;
  }

  private async deferEarly(job: Job<FiringJobData>, token?: string): Promise<never> {
    const [current] = (await this.pending.forDeadlines([job.data.deadlineId])).filter((p) => p.jobId === job.id);
    const remaining = current ? delayUntil(current.fireAt, this.clock.now()) : 0;
    this.logger.warn({ jobId: job.id, remainingMs: remaining }, 'firing job ran before its instant: delayed again');
    // BullMQ counts delays in wall-clock milliseconds (its own time base, not the business clock).
    await job.moveToDelayed(Date.now() + Math.max(remaining, EARLY_RETRY_MS), token);
    throw new DelayedError();
  }

  /**
   * A job made ready ahead of its instant (`FIRING_JOB_LEAD_MS`) waits for the instant here, counted on the business
   * clock; one further ahead goes to the handler at once, which answers `early`, and is delayed again.
   */
  private async untilInstant(data: FiringJobData): Promise<void> {
    const wait = Date.parse(data.fireAt) - this.clock.now().getTime();
    if (wait > 0 && wait <= FIRING_JOB_LEAD_MS) await new Promise((resolve) => setTimeout(resolve, wait));
  }

  private async faultPause(at: 'before-fire' | 'after-fire'): Promise<void> {
    const pause = this.tuning.faultPause;
    if (pause && pause.at === at && pause.ms > 0) await new Promise((resolve) => setTimeout(resolve, pause.ms));
  }
}

/**
 * A processor class for one firing queue. The worker options (concurrency, lock and stalled-check timings) are
 * decorator metadata in @nestjs/bullmq, so each application builds its own classes from its tuning.
 */
export function firingProcessorFor(queue: string, options: Omit<WorkerOptions, 'connection'>): Type<FiringProcessor> {
  @Processor(queue, { ...options, autorun: false })
  class QueueFiringProcessor extends FiringProcessor {}
  Object.defineProperty(QueueFiringProcessor, 'name', { value: `FiringProcessor[${queue}]` });
  return QueueFiringProcessor;
}
