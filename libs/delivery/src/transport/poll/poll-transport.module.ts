import { Module } from '@nestjs/common';
import { NotificationsModule } from '@charterflow/notifications';
import { DeliveryCoreModule } from '../../firing/delivery-core.module';
import { DeliveryMetricsModule } from '../../metrics/delivery-metrics.module';
import { DeliveryTransport } from '../delivery-transport';
import { DELIVERY_BACKGROUND_TASKS } from '../delivery-tuning';
import { FiringRunner } from '../firing-runner';
import { OutboxRepository } from '../outbox.repository';
import { PollTransport } from './poll.transport';

/** The embedded default transport (no REDIS_URL): a transactional poll of the due firings. */
@Module({
  imports: [DeliveryCoreModule, NotificationsModule, DeliveryMetricsModule],
  providers: [
    FiringRunner,
    OutboxRepository,
    PollTransport,
    { provide: DeliveryTransport, useExisting: PollTransport },
    { provide: DELIVERY_BACKGROUND_TASKS, useValue: [] },
  ],
  exports: [DeliveryTransport, PollTransport, FiringRunner, DELIVERY_BACKGROUND_TASKS],
})
export class PollTransportModule {}
