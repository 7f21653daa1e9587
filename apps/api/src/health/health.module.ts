import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { DeliveryMetricsModule, HeartbeatModule } from '@charterflow/delivery';
import { HealthController } from './health.controller';
import { RedisHealthIndicator } from './redis.health';
import { WorkerHealthIndicator } from './worker.health';

@Module({
  imports: [TerminusModule, DeliveryMetricsModule, HeartbeatModule],
  controllers: [HealthController],
  providers: [RedisHealthIndicator, WorkerHealthIndicator],
})
export class HealthModule {}
