import { Inject, Injectable, Logger } from '@nestjs/common';
import { firingKey, FiringRef, PendingFirings, PlannedFiring } from '../contracts';
import { DEFAULT_BATCH, DELIVERY_TUNING, DeliveryTuning } from './delivery-tuning';
import { FiringRunner, Settled } from './firing-runner';
import { groupOfQueue, QueueName } from './queues';

/** What a sweep did: firings that acted, those answered otherwise (duplicate, stale, superseded, early), those that failed. */
export interface SweepReport {
  fired: number;
  other: number;
  failed: number;
}

/** Counts one firing's answer in `report`. */
export function tally(report: SweepReport, settled: Settled): void {
  if (settled instanceof Error) report.failed += 1;
  else if (settled.outcome === 'fired') report.fired += 1;
  else report.other += 1;
}

/** Every pending firing due by the instant, however many: a wake-up fires them all. */
const ALL = Number.MAX_SAFE_INTEGER;

/**
 * Fires the firings a wake-up finds due (ADR 0033): reads the pending firings of one queue due by an instant, then
 * fires them in batches of `batch.maxSize`, `batch.inFlight` batches at once, each batch one transaction of the
 * idempotent firing handler (a failed batch is fired again one by one by the runner, so one bad firing fails alone).
 * Several batches at once keep both the worker's thread and PostgreSQL busy: a batch alone waits on its round trips.
 */
@Injectable()
export class DueSweep {
  private readonly logger = new Logger(DueSweep.name);
  private readonly maxSize: number;
  private readonly inFlight: number;

  constructor(
    private readonly pending: PendingFirings,
    private readonly runner: FiringRunner,
    @Inject(DELIVERY_TUNING) tuning: DeliveryTuning,
  ) {
    ({ maxSize: this.maxSize, inFlight: this.inFlight } = { ...DEFAULT_BATCH, ...tuning.batch });
  }

  /** The pending firings of `queue` whose instant is at or before `by`, oldest first. */
  async due(queue: QueueName, by: Date): Promise<PlannedFiring[]> {
    const group = groupOfQueue(queue);
    return group ? this.pending.list({ dueBefore: by, limit: ALL, group }) : [];
  }

  /** Fires `firings` in batches; never throws for a firing's own failure (it is counted in `failed`). */
  async fire(firings: readonly FiringRef[]): Promise<SweepReport> {
    const report: SweepReport = { fired: 0, other: 0, failed: 0 };
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < firings.length) {
        const batch = firings.slice(next, next + this.maxSize);
        next += batch.length;
        (await this.runner.fireMany(batch)).forEach((settled, i) => {
          tally(report, settled);
          if (settled instanceof Error) this.logger.error({ err: settled, firing: firingKey(batch[i]) }, 'firing failed; the wake-up is retried');
        });
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.inFlight, Math.ceil(firings.length / this.maxSize)) }, lane));
    return report;
  }
}
