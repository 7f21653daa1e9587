import { DynamicModule, Module } from '@nestjs/common';
import { ComplianceSweepModule } from '@charterflow/audit';
import { DeliveryModule, DeliveryTuning } from '@charterflow/delivery';
import { ImportWorkerModule } from '@charterflow/intake';
import { CoreModuleOptions, PlatformModule } from '@charterflow/platform';

export interface WorkerModuleOptions extends CoreModuleOptions {
  /** Code-level knobs of the transports (tests only; production uses the defaults). */
  tuning?: DeliveryTuning;
}

/** The worker process alone: the platform, deadline delivery, the compliance sweep and imports, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(options: WorkerModuleOptions): DynamicModule {
    return {
      module: WorkerModule,
      imports: [PlatformModule.forRoot(options), DeliveryModule.forRoot({ config: options.config, tuning: options.tuning }), ComplianceSweepModule, ImportWorkerModule],
    };
  }
}
