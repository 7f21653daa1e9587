import { Injectable, Logger } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { FiringRef, FiringResult, phaseGroupOf } from '../contracts';
import { QueueStats } from '../transport/queue-stats';
import { OverdueDeadlinesRepository } from './overdue-deadlines.repository';
import { Clock } from '@charterflow/kernel';

/** Lateness buckets in seconds: from a healthy queue (sub-second) to a day of downtime caught up. */
export const LATENESS_BUCKETS_SECONDS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600, 21_600, 86_400, 604_800];

/**
 * The delivery metrics in Prometheus form, in a registry of their own (not prom-client's global one, so that
 * several applications in one process, as in the tests, do not collide).
 * - firing lateness (fired − fireAt) and firings by outcome: observed by the transport of this process;
 * - queue depths per queue and state, and the age of the oldest overdue open deadline: read at each scrape from
 *   Redis and PostgreSQL, so any process (an API without worker included) reports the shared truth.
 */
@Injectable()
export class DeliveryMetrics {
  readonly registry = new Registry();
  private readonly logger = new Logger(DeliveryMetrics.name);
  private readonly lateness: Histogram<'phase'>;
  private readonly firings: Counter<'phase' | 'outcome'>;

  constructor(queues: QueueStats, overdue: OverdueDeadlinesRepository, clock: Clock) {
    const registers = [this.registry];
    this.lateness = new Histogram({
      name: 'charterflow_firing_lateness_seconds',
      help: 'Delay between the planned instant of a firing and the moment it fired (fired − fireAt), in seconds.',
      labelNames: ['phase'],
      buckets: LATENESS_BUCKETS_SECONDS,
      registers,
    });
    this.firings = new Counter({
      name: 'charterflow_firings_total',
      help: 'Calls of the firing handler by this process, by phase and outcome (fired, duplicate, stale, early, error).',
      labelNames: ['phase', 'outcome'],
      registers,
    });
    const logger = this.logger;
    new Gauge({
      name: 'charterflow_queue_jobs',
      help: 'Jobs per BullMQ queue and state (absent without REDIS_URL).',
      labelNames: ['queue', 'state'],
      registers,
      async collect() {
        this.reset();
        if (!queues.enabled) return;
        try {
          for (const d of await queues.depths()) this.set({ queue: d.queue, state: d.state }, d.count);
        } catch (error) {
          logger.warn({ err: error }, 'queue depths unavailable');
        }
      },
    });
    new Gauge({
      name: 'charterflow_queue_lag_seconds',
      help: 'Age of the oldest job per queue whose instant passed and that no worker has taken yet, in seconds.',
      labelNames: ['queue'],
      registers,
      async collect() {
        this.reset();
        if (!queues.enabled) return;
        try {
          for (const l of await queues.lags()) this.set({ queue: l.queue }, l.seconds);
        } catch (error) {
          logger.warn({ err: error }, 'queue lag unavailable');
        }
      },
    });
    new Gauge({
      name: 'charterflow_oldest_overdue_deadline_seconds',
      help: 'Seconds since the time limit of the oldest still-open deadline broke (0 when none): grows when delivery is behind.',
      registers,
      async collect() {
        this.set(await overdue.oldestOverdueAgeSeconds(clock.today(), clock.now()));
      },
    });
  }

  /** Records what one call of the firing handler did, labelled by phase group (reminder offsets would multiply series). */
  observe(ref: FiringRef, result: FiringResult): void {
    const phase = phaseGroupOf(ref.phase);
    this.firings.inc({ phase, outcome: result.outcome });
    if (result.outcome === 'fired' && result.latenessMs !== undefined) this.lateness.observe({ phase }, Math.max(0, result.latenessMs) / 1000);
  }

  /** Records a call that threw (a transient database error, retried by the transport). */
  observeError(ref: FiringRef): void {
    this.firings.inc({ phase: phaseGroupOf(ref.phase), outcome: 'error' });
  }

  /** The text exposition (`GET /metrics`). */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
