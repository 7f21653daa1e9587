import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@charterflow/config';
import { firingKey, PendingFirings, PlannedFiring } from '../../contracts';
import { WebhookDelivery } from '@charterflow/notifications';
import { DeliveryTransport, ScheduledJob } from '../delivery-transport';
import { SweepReport, tally } from '../due-sweep';
import { FiringRunner } from '../firing-runner';
import { OutboxRepository } from '../outbox.repository';
import { Clock, PeriodicTask } from '@charterflow/kernel';

/** Firings read per query; a tick reads again while a page comes back full. */
export const POLL_PAGE = 200;
/** Pages per tick at most, so that a tick (and a shutdown's drain) ends in bounded time. */
const MAX_PAGES_PER_TICK = 25;

/** What a tick did: the firings, counted as a wake-up counts them, and the webhooks delivered. */
export interface PollReport extends SweepReport {
  webhooks: number;
}

/**
 * The embedded default (no REDIS_URL): every DELIVERY_POLL_INTERVAL_MS, one tick asks PostgreSQL (PGlite) for the
 * firings due by now and fires them a page at a time, each page in one transaction of the firing handler (PGlite
 * has one session), then delivers the due webhooks. Nothing is held in memory between ticks: a firing whose instant
 * passed while the process was down is due at the first tick after start, and fires then (late).
 */
@Injectable()
export class PollTransport extends DeliveryTransport {
  readonly name = 'poll' as const;
  private readonly logger = new Logger(PollTransport.name);
  private readonly task: PeriodicTask;

  constructor(
    private readonly pending: PendingFirings,
    private readonly runner: FiringRunner,
    private readonly webhooks: WebhookDelivery,
    private readonly outbox: OutboxRepository,
    private readonly clock: Clock,
    @Inject(AppConfig) config: AppConfig,
  ) {
    super();
    this.task = new PeriodicTask('delivery poll', config.DELIVERY_POLL_INTERVAL_MS, () => this.tick(), this.logger);
  }

  async start(): Promise<void> {
    this.task.start();
  }

  /** Waits for the tick in progress to finish. */
  stop(): Promise<void> {
    return this.task.stop();
  }

  /** Nothing to hand over: the next tick reads the firing from the database. */
  async schedule(_firings: readonly PlannedFiring[]): Promise<number> {
    return 0;
  }

  async unschedule(_jobs: readonly Pick<ScheduledJob, 'queue' | 'jobId'>[]): Promise<number> {
    return 0;
  }

  async listScheduled(): Promise<ScheduledJob[]> {
    return [];
  }

  /** One tick now (or the one in progress). */
  runNow(): Promise<void> {
    return this.task.runNow();
  }

  /** Fires everything due now; a firing that throws is logged and retried at the next tick. */
  async tick(): Promise<PollReport> {
    const report: PollReport = { fired: 0, other: 0, failed: 0, webhooks: 0 };
    // The outbox feeds queues; here nothing reads it, so it is only kept from growing.
    await this.outbox.purge();
    // A firing handled once in this tick is not retried in it (a failure waits for the next tick; a `due` firing
    // stays listed until the case has moved).
    const seen = new Set<string>();
    for (let page = 0; page < MAX_PAGES_PER_TICK; page += 1) {
      const limit = POLL_PAGE + seen.size;
      const listed = await this.pending.list({ dueBefore: this.clock.now(), limit });
      const due = listed.filter((f) => !seen.has(firingKey(f)));
      for (const firing of due) seen.add(firingKey(firing));
      // The page in one transaction; a firing whose own attempt failed is retried at the next tick.
      const settled = await this.runner.fireMany(due);
      settled.forEach((s, i) => {
        tally(report, s);
        if (s instanceof Error) this.logger.error({ err: s, firing: firingKey(due[i]) }, 'firing failed; retried at the next tick');
      });
      if (listed.length < limit || due.length === 0) break;
    }
    report.webhooks = await this.webhooks.deliverDue();
    if (report.fired || report.failed) this.logger.log(report, 'delivery poll');
    return report;
  }
}
