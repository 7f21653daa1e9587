import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '@charterflow/config';
import { PendingFirings } from '../../contracts';
import { BackgroundTask, DEFAULT_RELAY_BATCH_SIZE, DELIVERY_TUNING, DeliveryTuning } from '../delivery-tuning';
import { OutboxRepository } from '../outbox.repository';
import { BullmqTransport } from './bullmq.transport';
import { Reconciler } from './reconciler';
import { PeriodicTask } from '@charterflow/kernel';

/** Batches relayed in one tick at most, so that a tick ends (and a shutdown drains) in bounded time. */
const MAX_BATCHES_PER_TICK = 50;

/**
 * Moves deadline changes from the outbox into the queues (ADR 0007 §3, §6, ADR 0033). In one transaction per
 * batch: claim and delete the oldest outbox rows (SKIP LOCKED, so several workers share the work), add the
 * wake-ups of the pending firings of the deadlines they name, and only then commit. A crash before the commit
 * leaves the rows in the outbox, to be relayed again; adding a wake-up twice is harmless (the shared one is
 * ignored, a catch-up finds nothing left). A change that made a firing stale removes nothing: a wake-up names no
 * firing, and the stale firing is simply no longer pending when it runs.
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
      // Read through the handler's own view (another connection: it sees the committed deadlines the messages name).
      await this.transport.schedule(await this.pending.forDeadlines([...new Set(messages.map((msg) => msg.deadlineId))]));
      return messages.length;
    });
  }
}
