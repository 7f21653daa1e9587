import { Module } from '@nestjs/common';
import { AppConfig } from '@charterflow/config';
import { BullmqQueueStats } from '../transport/bullmq/bullmq-queue-stats';
import { NoQueueStats, QueueStats } from '../transport/queue-stats';
import { DeliveryMetrics } from './delivery-metrics';
import { OverdueDeadlinesRepository } from './overdue-deadlines.repository';

/**
 * What any process can tell about delivery: the metrics registry and the queue statistics (from REDIS_URL, when
 * set). A static module, so that the API's /metrics and /health and the in-process worker share one registry.
 * Needs the platform's AppConfig, Clock and DataSource.
 */
@Module({
  providers: [
    {
      provide: QueueStats,
      inject: [AppConfig],
      useFactory: (config: AppConfig): QueueStats => (config.REDIS_URL ? new BullmqQueueStats(config.REDIS_URL) : new NoQueueStats()),
    },
    OverdueDeadlinesRepository,
    DeliveryMetrics,
  ],
  exports: [QueueStats, DeliveryMetrics],
})
export class DeliveryMetricsModule {}
