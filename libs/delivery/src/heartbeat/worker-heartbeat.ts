import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@charterflow/config';
import { DeliveryTransport } from '../transport/delivery-transport';
import { BackgroundTask } from '../transport/delivery-tuning';
import { WorkerHeartbeatsRepository } from './worker-heartbeats.repository';
import { PeriodicTask } from '@charterflow/kernel';

/**
 * The worker says it is alive: a row refreshed every WORKER_HEARTBEAT_INTERVAL_MS while delivery runs, removed when
 * it stops cleanly. A worker that dies stops beating, and `/health` turns degraded three intervals later.
 */
@Injectable()
export class WorkerHeartbeat implements BackgroundTask {
  private readonly logger = new Logger(WorkerHeartbeat.name);
  readonly workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly task: PeriodicTask;

  constructor(
    private readonly heartbeats: WorkerHeartbeatsRepository,
    @Inject(DeliveryTransport) transport: DeliveryTransport,
    config: AppConfig,
  ) {
    const beat = { id: this.workerId, transport: transport.name, host: hostname(), pid: process.pid, intervalMs: config.WORKER_HEARTBEAT_INTERVAL_MS };
    this.task = new PeriodicTask('worker heartbeat', config.WORKER_HEARTBEAT_INTERVAL_MS, () => this.heartbeats.beat(beat), this.logger);
  }

  start(): void {
    this.task.start();
  }

  /** One beat now (what the timer does). */
  beatNow(): Promise<void> {
    return this.task.runNow();
  }

  async stop(): Promise<void> {
    await this.task.stop();
    await this.heartbeats.remove(this.workerId).catch((error: unknown) => this.logger.warn({ err: error }, 'could not remove the heartbeat row'));
  }
}
