import { Injectable, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@charterflow/config';
import { ComplianceModule } from '../compliance.module';
import { ComplianceService } from './compliance.service';
import { PeriodicTask } from '@charterflow/kernel';

/**
 * The worker's share of the audit: every AUDIT_SWEEP_INTERVAL_MS, run the checks again for the cases that changed
 * or whose limits may have turned, so that the findings stay fresh without anyone asking. Several workers share
 * the work (claims skip locked rows).
 */
@Injectable()
export class ComplianceSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(compliance: ComplianceService, config: AppConfig) {
    this.task = new PeriodicTask('compliance sweep', config.AUDIT_SWEEP_INTERVAL_MS, () => compliance.refresh());
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.task.stop();
  }
}

@Module({ imports: [ComplianceModule], providers: [ComplianceSweep] })
export class ComplianceSweepModule {}
