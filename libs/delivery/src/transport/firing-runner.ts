import { Injectable, Logger } from '@nestjs/common';
import { FiringHandler, FiringRef, FiringResult } from '../contracts';
import { DeliveryMetrics } from '../metrics/delivery-metrics';

/** A firing's answer, or the error that stopped it (the other firings of its batch are not affected). */
export type Settled = FiringResult | Error;

/**
 * Calls the idempotent firing handler for a transport and records the outcomes and the lateness in the metrics.
 * A batch is fired in one transaction; if that transaction fails, each of its firings is fired again alone, so one
 * bad firing (a refused timed event, a case held too long by a step) never fails its neighbours.
 */
@Injectable()
export class FiringRunner {
  private readonly logger = new Logger(FiringRunner.name);

  constructor(
    private readonly handler: FiringHandler,
    private readonly metrics: DeliveryMetrics,
  ) {}

  async fire(ref: FiringRef): Promise<FiringResult> {
    const [settled] = await this.fireMany([ref]);
    if (settled instanceof Error) throw settled;
    return settled;
  }

  /** One answer per ref, in order: its result, or the Error of its own failed attempt. Never throws. */
  async fireMany(refs: readonly FiringRef[]): Promise<Settled[]> {
    // Only the ref crosses the seam: a job's data may carry more.
    const clean: FiringRef[] = refs.map((ref) => ({ deadlineId: ref.deadlineId, generation: ref.generation, phase: ref.phase }));
    let settled: Settled[];
    try {
      settled = await this.handler.fireMany(clean);
    } catch (error) {
      if (clean.length > 1) this.logger.warn({ err: error, batch: clean.length }, 'firing batch failed: firing each alone');
      settled = clean.length === 1 ? [asError(error)] : await this.oneByOne(clean);
    }
    settled.forEach((s, i) => (s instanceof Error ? this.metrics.observeError(clean[i]) : this.metrics.observe(clean[i], s)));
    return settled;
  }

  private async oneByOne(refs: readonly FiringRef[]): Promise<Settled[]> {
    const settled: Settled[] = [];
    for (const ref of refs) settled.push(await this.handler.fire(ref).catch(asError));
    return settled;
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
