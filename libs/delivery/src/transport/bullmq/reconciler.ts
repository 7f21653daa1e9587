import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@charterflow/config';
import { PendingFirings, PlannedFiring } from '../../contracts';
import { BackgroundTask } from '../delivery-tuning';
import { BullmqTransport, WAITING_STATES } from './bullmq.transport';
import { PeriodicTask } from '@charterflow/kernel';

export interface ReconcileReport {
  /** Pending firings whose job was missing (e.g. Redis lost everything): added. */
  added: number;
  /** Pending firings whose job had failed for good: replaced by a fresh job. */
  replaced: number;
  /** Delayed jobs whose planned instant moved without a new generation (a calendar change): re-timed. */
  retimed: number;
  /** Waiting jobs whose firing is no longer pending (closed, new generation, already fired): removed. */
  removed: number;
}

/** Every pending firing, however many: the reconciler must see them all. */
const ALL = Number.MAX_SAFE_INTEGER;

/**
 * Makes the queues match PostgreSQL (ADR 0007 §6), at worker start and every RECONCILE_INTERVAL_MS: every pending
 * firing gets its job, and every waiting job of a firing that is no longer pending goes. A firing whose instant
 * passed while everything was down gets delay 0 and fires at once (late; the lateness is measured at firing).
 *
 * Order matters: the queue is listed *before* the pending firings are read, so that a job the relay adds in
 * between (a newer generation) is never taken for an orphan.
 */
@Injectable()
export class Reconciler implements BackgroundTask {
  private readonly logger = new Logger(Reconciler.name);
  private readonly task: PeriodicTask;
  private inFlight?: Promise<ReconcileReport>;

  constructor(
    private readonly transport: BullmqTransport,
    private readonly pending: PendingFirings,
    config: AppConfig,
  ) {
    this.task = new PeriodicTask('reconciler', config.RECONCILE_INTERVAL_MS, () => this.reconcile(), this.logger);
  }

  start(): void {
    this.task.start();
  }

  stop(): Promise<void> {
    return this.task.stop();
  }

  /** One reconciliation (joins the one in progress, if any). */
  reconcile(): Promise<ReconcileReport> {
    this.inFlight ??= this.run().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async run(): Promise<ReconcileReport> {
    await this.transport.ensureSchedulers();
    const scheduled = new Map((await this.transport.listScheduled()).map((j) => [j.jobId, j]));
    const pending = await this.pending.list({ limit: ALL });
    const pendingIds = new Set(pending.map((p) => p.jobId));

    const missing: PlannedFiring[] = [];
    const report: ReconcileReport = { added: 0, replaced: 0, retimed: 0, removed: 0 };
    for (const firing of pending) {
      const job = scheduled.get(firing.jobId);
      if (!job) missing.push(firing);
      else if (job.state === 'failed') {
        await this.transport.replace(firing);
        report.replaced += 1;
      } else if (job.state === 'delayed' && job.fireAt !== undefined && job.fireAt !== firing.fireAt.toISOString()) {
        if (await this.transport.retime(firing)) report.retimed += 1;
      }
    }
    report.added = await this.transport.schedule(missing);

    const orphans = [...scheduled.values()].filter((j) => (WAITING_STATES as readonly string[]).includes(j.state) && !pendingIds.has(j.jobId));
    report.removed = await this.transport.unschedule(orphans.map((j) => j.jobId));

    if (report.added || report.replaced || report.retimed || report.removed) this.logger.log(report, 'queues reconciled with the pending firings');
    return report;
  }
}
