import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '@charterflow/config';
import { NotificationsModule } from '@charterflow/notifications';
import { DeliveryCoreModule } from './firing/delivery-core.module';
import { HeartbeatModule } from './heartbeat/heartbeat.module';
import { WorkerHeartbeat } from './heartbeat/worker-heartbeat';
import { DeliveryMetricsModule } from './metrics/delivery-metrics.module';
import { BullmqTransportModule } from './transport/bullmq/bullmq-transport.module';
import { DeliveryLifecycle } from './transport/delivery-lifecycle';
import { DeliveryTuning } from './transport/delivery-tuning';
import { PollTransportModule } from './transport/poll/poll-transport.module';

export interface DeliveryModuleOptions {
  config: AppConfig;
  /** Code-level knobs (tests, benchmark); production uses the defaults. */
  tuning?: DeliveryTuning;
}

/**
 * The worker's duties (ADR 0007): the firing handler and the pending-firings view (DeliveryCoreModule), the
 * notifications and webhooks, and the transport chosen by configuration — BullMQ on Redis when REDIS_URL is set,
 * else the transactional poll of the embedded default. The API imports it unless RUN_WORKER=false; `apps/worker`
 * runs it alone. Several processes may run it against one PostgreSQL and one Redis.
 */
@Module({})
export class DeliveryModule {
  static forRoot(options: DeliveryModuleOptions): DynamicModule {
    const transport = options.config.REDIS_URL ? BullmqTransportModule.forRoot(options.tuning) : PollTransportModule;
    return {
      module: DeliveryModule,
      imports: [DeliveryCoreModule, NotificationsModule, DeliveryMetricsModule, HeartbeatModule, transport],
      providers: [WorkerHeartbeat, DeliveryLifecycle],
      exports: [transport, WorkerHeartbeat],
    };
  }
}
