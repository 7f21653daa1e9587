import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DeliveryMetrics } from '@charterflow/delivery';
import type { HttpResponse } from '../common/http/http-types';
import { Public } from '../auth/access.decorators';

/** Prometheus scrape endpoint (outside the api/v1 prefix, like /health). */
@ApiTags('metrics')
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: DeliveryMetrics) {}

  @Get()
  @ApiOperation({
    summary: 'Delivery metrics in the Prometheus text format',
    description:
      'charterflow_queue_jobs{queue,state}, charterflow_queue_lag_seconds{queue}, charterflow_oldest_overdue_deadline_seconds, ' +
      'charterflow_firing_lateness_seconds{phase} (histogram) and charterflow_firings_total{phase,outcome}. The lateness and ' +
      'the firing counts are those of the deliveries run by this process.',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus exposition format 0.0.4' })
  async scrape(@Res({ passthrough: true }) res: HttpResponse): Promise<string> {
    const { contentType, body } = await this.metrics.exposition();
    res.setHeader('Content-Type', contentType);
    return body;
  }
}
