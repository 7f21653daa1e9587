import { Injectable } from '@nestjs/common';
import { FiringHandler, FiringRef, FiringResult } from '../contracts';
import { DeliveryMetrics } from '../metrics/delivery-metrics';

/** Calls the idempotent firing handler for a transport and records the outcome and the lateness in the metrics. */
@Injectable()
export class FiringRunner {
  constructor(
    private readonly handler: FiringHandler,
    private readonly metrics: DeliveryMetrics,
  ) {}

  async fire(ref: FiringRef): Promise<FiringResult> {
    // Only the ref crosses the seam: a job's data may carry more.
    const clean: FiringRef = { deadlineId: ref.deadlineId, generation: ref.generation, phase: ref.phase };
    let result: FiringResult;
    try {
      result = await this.handler.fire(clean);
    } catch (error) {
      this.metrics.observeError(clean);
      throw error;
    }
    this.metrics.observe(clean, result);
    return result;
  }
}
