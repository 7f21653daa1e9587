import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@charterflow/config';
import { PendingFirings, PlannedFiring } from '../../contracts';
import { ScheduledJob } from '../delivery-transport';
import { queueOfPhase } from '../queues';
import { NEAR_MS } from './wake-up-job';
import { BackgroundTask } from '../delivery-tuning';
import { BullmqTransport, WAITING_STATES } from './bullmq.transport';
import { Clock, PeriodicTask } from '@charterflow/kernel';

export interface ReconcileReport {
  /** Wake-ups added: for a future instant of a pending firing that had none (e.g. Redis lost everything), or a
   * catch-up for a queue holding firings past their instant with no wake-up waiting to fire them. */
  added: number;
  /** Waiting wake-ups of an instant no pending firing has any more (closed, moved, already fired): removed. */
  removed: number;
}

/** Every pending firing, however many: the reconciler must see them all. */
const ALL = Number.MAX_SAFE_INTEGER;

/**
 * Makes the queues match PostgreSQL (ADR 0007 §6, ADR 0033), at worker start and every RECONCILE_INTERVAL_MS
 * (`compareWakeUps`): every future instant of a pending firing gets its wake-up; a queue holding firings whose
 * instant passed (everything was down, a wake-up failed for good, Redis was wiped) gets a catch-up that fires them at
 * once (late; the lateness is measured at firing); a waiting wake-up no pending firing stands behind is removed.
 *
 * Order matters: the queue is listed *before* the pending firings are read, so that a wake-up the relay adds in
 * between (for a newer firing) is never taken for an orphan.
 */
@Injectable()
export class Reconciler implements BackgroundTask {
  private readonly logger = new Logger(Reconciler.name);
  private readonly task: PeriodicTask;
  private inFlight?: Promise<ReconcileReport>;

  constructor(
    private readonly transport: BullmqTransport,
    private readonly pending: PendingFirings,
    private readonly clock: Clock,
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
    const listed = await this.transport.listScheduled();
    const pending = await this.pending.list({ limit: ALL });
    const { missing, orphans } = compareWakeUps(listed, pending, this.clock.now());
    const added = missing.length === 0 ? 0 : await this.transport.schedule(missing);
    const removed = await this.transport.unschedule(orphans);

    const report: ReconcileReport = { added, removed };
    if (added || removed) this.logger.log(report, 'queues reconciled with the pending firings');
    return report;
  }
}

/**
 * What the reconciler changes (pure): `missing`, the pending firings to hand to `schedule` (each future instant
 * without its waiting wake-up; every firing past or near its instant in a queue that no wake-up will run by then),
 * and `orphans`, the waiting wake-ups of a future instant (beyond the near window) that no pending firing has.
 * A wake-up ready to run, or delayed until an instant within the near window, fires everything of its queue due by
 * then; a delayed one whose instant has passed is not counted (it waits for a retry's backoff, or for a worker to
 * come up, and a catch-up costs only one more read). Active and failed wake-ups cover nothing: an active one may
 * have read its firings already.
 */
export function compareWakeUps(listed: readonly ScheduledJob[], pending: readonly PlannedFiring[], now: Date): { missing: PlannedFiring[]; orphans: ScheduledJob[] } {
  const nowMs = now.getTime();
  const nearBy = nowMs + NEAR_MS;
  const waiting = listed.filter((j) => (WAITING_STATES as readonly string[]).includes(j.state));
  const waitingAt = new Set(waiting.map((j) => `${j.queue} ${instantOf(j)}`));
  const coveredSoon = new Set(waiting.filter((j) => (j.state === 'delayed' ? instantOf(j) > nowMs && instantOf(j) <= nearBy : true)).map((j) => j.queue));
  const missing = pending.filter((f) => {
    const queue = queueOfPhase(f.phase);
    const at = f.fireAt.getTime();
    return at > nearBy ? !waitingAt.has(`${queue} ${at}`) : !coveredSoon.has(queue);
  });
  const wanted = new Set(pending.map((f) => `${queueOfPhase(f.phase)} ${f.fireAt.getTime()}`));
  const orphans = waiting.filter((j) => instantOf(j) > nearBy && !wanted.has(`${j.queue} ${instantOf(j)}`));
  return { missing, orphans };
}

/** The instant of a listed wake-up in ms (NaN for a job without one, which then matches nothing and is kept). */
function instantOf(job: ScheduledJob): number {
  return job.fireAt === undefined ? Number.NaN : Date.parse(job.fireAt);
}
