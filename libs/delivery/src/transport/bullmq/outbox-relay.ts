import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '@charterflow/config';
import { PendingFirings } from '../../contracts';
import { DeadlineFiringsRepository } from '../../firing/deadline-firings.repository';
import { ReminderPolicyService } from '../../policy/reminder-policy.service';
import { BackgroundTask, DEFAULT_RELAY_BATCH_SIZE, DELIVERY_TUNING, DeliveryTuning } from '../delivery-tuning';
import { OutboxRepository } from '../outbox.repository';
import { BullmqTransport } from './bullmq.transport';
import { Reconciler } from './reconciler';
import { staleJobIds } from './stale-jobs';
import { PeriodicTask } from '@charterflow/kernel';

/** Batches relayed in one tick at most, so that a tick ends (and a shutdown drains) in bounded time. */
const MAX_BATCHES_PER_TICK = 50;

/**
 * Moves deadline changes from the outbox into the queues (ADR 0007 §3, §6). In one transaction per batch: claim
 * and delete the oldest outbox rows (SKIP LOCKED, so several workers share the work), remove the jobs the changes
 * made stale (not those of firings already recorded: their jobs are done), add the jobs of the new pending firings,
 * and only then commit. A crash before the commit leaves the rows in the outbox, to be relayed again; the adds are
 * idempotent by job id, so relaying twice is harmless.
 *
 * Each tick first checks that Redis still holds its schedulers: when it does not (Redis restarted empty or was
 * flushed) the reconciler rebuilds the queues at once instead of at its next interval.
 */
@Injectable()
export class OutboxRelay implements BackgroundTask {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly task: PeriodicTask;
  private readonly batchSize: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxRepository,
    private readonly pending: PendingFirings,
    private readonly firings: DeadlineFiringsRepository,
    private readonly policies: ReminderPolicyService,
    private readonly transport: BullmqTransport,
    private readonly reconciler: Reconciler,
    config: AppConfig,
    @Inject(DELIVERY_TUNING) tuning: DeliveryTuning,
  ) {
    this.batchSize = tuning.relayBatchSize ?? DEFAULT_RELAY_BATCH_SIZE;
    this.task = new PeriodicTask('outbox relay', config.DELIVERY_POLL_INTERVAL_MS, () => this.tick(), this.logger);
  }

  start(): void {
    this.task.start();
  }

  stop(): Promise<void> {
    return this.task.stop();
  }

  /** One tick now (or the one in progress). */
  runNow(): Promise<void> {
    return this.task.runNow();
  }

  private async tick(): Promise<void> {
    if (!(await this.transport.schedulersPresent())) {
      this.logger.warn('Redis lost the delivery schedulers (restarted empty or flushed): reconciling now');
      await this.reconciler.reconcile();
    }
    await this.relayAll();
  }

  /** Relays batches until the outbox is empty (or the tick's bound); returns the number of messages relayed. */
  async relayAll(): Promise<number> {
    let total = 0;
    for (let i = 0; i < MAX_BATCHES_PER_TICK; i += 1) {
      const relayed = await this.relayBatch();
      total += relayed;
      if (relayed < this.batchSize) break;
    }
    return total;
  }

  /** One batch in one transaction; returns the number of outbox messages it consumed. */
  async relayBatch(): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const messages = await this.outbox.claim(m, this.batchSize);
      if (messages.length === 0) return 0;
      const ids = [...new Set(messages.map((msg) => msg.deadlineId))];
      const states = await this.outbox.deadlineStates(m, ids);
      // Read through the handler's own view (another connection: it sees the committed deadlines the messages name).
      const firings = await this.pending.forDeadlines(ids);
      const fired = await this.firings.keysOf(ids);
      await this.transport.unschedule(staleJobIds(messages, states, this.policies.policy, fired));
      await this.transport.schedule(firings);
      return messages.length;
    });
  }
}
