import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { WorkerHeartbeat } from '../heartbeat/worker-heartbeat';
import { DeliveryTransport } from './delivery-transport';
import { BackgroundTask, DELIVERY_BACKGROUND_TASKS } from './delivery-tuning';

/**
 * Starts delivery once the application is up and drains it before anything closes: on shutdown (SIGTERM with
 * `enableShutdownHooks()`, or `app.close()`) the background tasks finish their tick, then the transport stops
 * (BullMQ workers wait for their active jobs; the poll loop finishes its tick) — all before the database and the
 * queue connections are closed in `onApplicationShutdown`.
 */
@Injectable()
export class DeliveryLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeliveryLifecycle.name);

  constructor(
    private readonly transport: DeliveryTransport,
    @Inject(DELIVERY_BACKGROUND_TASKS) private readonly tasks: BackgroundTask[],
    private readonly heartbeat: WorkerHeartbeat,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.transport.start();
    for (const task of this.tasks) task.start();
    this.heartbeat.start();
    this.logger.log(`deadline delivery started (${this.transport.name})`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.heartbeat.stop();
    await Promise.all(this.tasks.map((t) => t.stop()));
    await this.transport.stop();
    this.logger.log('deadline delivery drained');
  }
}
