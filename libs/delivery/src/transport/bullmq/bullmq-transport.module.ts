import { DynamicModule, Module } from '@nestjs/common';
import { BullModule, WorkerHost } from '@nestjs/bullmq';
import { AppConfig } from '@charterflow/config';
import { NotificationsModule } from '@charterflow/notifications';
import { DeliveryCoreModule } from '../../firing/delivery-core.module';
import { DeliveryMetricsModule } from '../../metrics/delivery-metrics.module';
import { DeliveryTransport } from '../delivery-transport';
import { DEFAULT_CONCURRENCY, DELIVERY_BACKGROUND_TASKS, DELIVERY_TUNING, DeliveryTuning } from '../delivery-tuning';
import { DueSweep } from '../due-sweep';
import { FiringRunner } from '../firing-runner';
import { OutboxRepository } from '../outbox.repository';
import { ALL_QUEUES, QUEUES } from '../queues';
import { BullmqTransport, DELIVERY_WORKERS } from './bullmq.transport';
import { OutboxRelay } from './outbox-relay';
import { Reconciler } from './reconciler';
import { bullConnectionOf } from './redis-options';
import { wakeUpProcessorFor } from './wake-up.processor';
import { WebhooksProcessor } from './webhooks.processor';

/**
 * The BullMQ transport (REDIS_URL set): the queues, a worker per queue, the outbox relay and the reconciler.
 * Workers are created with `autorun: false` and started by `DeliveryLifecycle` once the application is up.
 */
@Module({})
export class BullmqTransportModule {
  static forRoot(tuning: DeliveryTuning = {}): DynamicModule {
    const worker = tuning.worker ?? {};
    const processors = [
      wakeUpProcessorFor(QUEUES.reminders, { concurrency: DEFAULT_CONCURRENCY.reminders, ...worker }),
      wakeUpProcessorFor(QUEUES.escalations, { concurrency: DEFAULT_CONCURRENCY.escalations, ...worker }),
      wakeUpProcessorFor(QUEUES.timedEvents, { concurrency: DEFAULT_CONCURRENCY.timedEvents, ...worker }),
    ];
    return {
      module: BullmqTransportModule,
      imports: [
        BullModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({ connection: bullConnectionOf(config.REDIS_URL as string) }),
        }),
        BullModule.registerQueue(...ALL_QUEUES.map((name) => ({ name }))),
        DeliveryCoreModule,
        NotificationsModule,
        DeliveryMetricsModule,
      ],
      providers: [
        { provide: DELIVERY_TUNING, useValue: tuning },
        FiringRunner,
        DueSweep,
        ...processors,
        WebhooksProcessor,
        { provide: DELIVERY_WORKERS, inject: [...processors, WebhooksProcessor], useFactory: (...hosts: WorkerHost[]) => hosts },
        BullmqTransport,
        { provide: DeliveryTransport, useExisting: BullmqTransport },
        OutboxRepository,
        Reconciler,
        OutboxRelay,
        { provide: DELIVERY_BACKGROUND_TASKS, inject: [Reconciler, OutboxRelay], useFactory: (...tasks: unknown[]) => tasks },
      ],
      exports: [DeliveryTransport, BullmqTransport, Reconciler, OutboxRelay, FiringRunner, DELIVERY_BACKGROUND_TASKS],
    };
  }
}
