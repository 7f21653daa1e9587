import { Inject, Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { FiringRef, FiringResult } from '../contracts';
import { DEFAULT_BATCH, DELIVERY_TUNING, DeliveryTuning } from './delivery-tuning';
import { FiringRunner } from './firing-runner';

/**
 * Gathers the firings that the queue workers run at the same time into batches (ADR 0026): each job hands its ref
 * over and awaits its own answer; a batch closes `maxWaitMs` after its first ref, or sooner once it holds `maxSize`,
 * and is fired in one transaction by the runner. The batching itself is DataLoader's (without its cache: a job run
 * twice must reach the handler twice, to be answered `duplicate`).
 */
@Injectable()
export class FiringBatcher {
  private readonly loader: DataLoader<FiringRef, FiringResult, FiringRef>;

  constructor(runner: FiringRunner, @Inject(DELIVERY_TUNING) tuning: DeliveryTuning) {
    const { maxSize, maxWaitMs } = { ...DEFAULT_BATCH, ...tuning.batch };
    this.loader = new DataLoader((refs) => runner.fireMany(refs), {
      cache: false,
      maxBatchSize: maxSize,
      batchScheduleFn: (dispatch) => setTimeout(dispatch, maxWaitMs),
    });
  }

  /** Fires `ref` in the next batch; rejects with the error of its own attempt only. */
  fire(ref: FiringRef): Promise<FiringResult> {
    return this.loader.load(ref);
  }
}
