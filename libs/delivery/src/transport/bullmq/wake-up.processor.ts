import { Inject, Injectable, Logger, Type } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { DelayedError, Job, WorkerOptions } from 'bullmq';
import { Clock } from '@charterflow/kernel';
import { DELIVERY_TUNING, DeliveryTuning } from '../delivery-tuning';
import { DueSweep, SweepReport } from '../due-sweep';
import { QueueName } from '../queues';
import { WAKE_UP_LEAD_MS, WakeUpJobData } from './wake-up-job';

/**
 * Runs a wake-up (ADR 0033): reads the pending firings of its queue due by its instant, holds them until the
 * instant (the job is ready `WAKE_UP_LEAD_MS` ahead, so that reading a large burst does not delay its first
 * firing), then fires them in batches. When a firing's own attempt failed (database down, a timed event refused),
 * the job throws once the others are done, and BullMQ retries it with exponential backoff: the next attempt reads
 * again and fires what is still pending, the ledger answering `duplicate` to anything already recorded. A job run
 * further ahead of its instant than the lead (clocks that disagree) goes back to the delayed set.
 */
@Injectable()
export abstract class WakeUpProcessor extends WorkerHost {
  private readonly logger = new Logger(WakeUpProcessor.name);
  /** The firing queue this processor's worker takes wake-ups from. */
  abstract readonly queue: QueueName;

  constructor(
    private readonly sweep: DueSweep,
    private readonly clock: Clock,
    @Inject(DELIVERY_TUNING) private readonly tuning: DeliveryTuning,
  ) {
    super();
  }

  async process(job: Job<WakeUpJobData>, token?: string): Promise<SweepReport> {
    const instant = Date.parse(job.data.fireAt);
    const ahead = instant - this.clock.now().getTime();
    if (ahead > WAKE_UP_LEAD_MS) return this.deferEarly(job, ahead, token);
    const due = await this.sweep.due(this.queue, new Date(Math.max(instant, this.clock.now().getTime())));
    await this.untilInstant(instant);
    await this.faultPause('before-fire');
    const report = await this.sweep.fire(due);
    await this.faultPause('after-fire');
    if (report.failed > 0) {
      // Retried by BullMQ with backoff; what fired stays fired.
      throw new Error(`${report.failed} of ${due.length} firings due by ${job.data.fireAt} failed; retrying the wake-up`);
    }
    if (report.fired > 0 || report.other > 0) this.logger.debug({ queue: this.queue, fireAt: job.data.fireAt, ...report }, 'wake-up fired what was due');
    return report;
  }

  private async deferEarly(job: Job<WakeUpJobData>, aheadMs: number, token?: string): Promise<never> {
    this.logger.warn({ jobId: job.id, queue: this.queue, aheadMs }, 'wake-up ran before its instant: delayed again');
    // BullMQ counts delays in wall-clock milliseconds (its own time base, not the business clock).
    await job.moveToDelayed(Date.now() + aheadMs - WAKE_UP_LEAD_MS, token);
    throw new DelayedError();
  }

  /** Waits, on the business clock, until `instant` (at most the lead: a job further ahead was delayed again). */
  private async untilInstant(instant: number): Promise<void> {
    const wait = instant - this.clock.now().getTime();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(wait, WAKE_UP_LEAD_MS)));
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
export function wakeUpProcessorFor(queue: QueueName, options: Omit<WorkerOptions, 'connection'>): Type<WakeUpProcessor> {
  @Processor(queue, { ...options, autorun: false })
  class QueueWakeUpProcessor extends WakeUpProcessor {
    readonly queue = queue;
  }
  Object.defineProperty(QueueWakeUpProcessor, 'name', { value: `WakeUpProcessor[${queue}]` });
  return QueueWakeUpProcessor;
}
