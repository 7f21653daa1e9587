import { Module } from '@nestjs/common';
import { DeliveryMetricsModule } from '@charterflow/delivery';
import { MetricsController } from './metrics.controller';

@Module({
  imports: [DeliveryMetricsModule],
  controllers: [MetricsController],
})
export class MetricsModule {}
