import { DynamicModule, Module } from '@nestjs/common';
import { DeliveryModule } from '@charterflow/delivery';
import { CoreModuleOptions, PlatformModule } from '@charterflow/platform';

/** The worker process alone: the platform and the delivery duties, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(options: CoreModuleOptions): DynamicModule {
    return { module: WorkerModule, imports: [PlatformModule.forRoot(options), DeliveryModule] };
  }
}
