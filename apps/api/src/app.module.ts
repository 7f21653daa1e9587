import { DynamicModule, Module } from '@nestjs/common';
import { CasesModule } from '@charterflow/cases';
import { DeliveryCoreModule, DeliveryModule } from '@charterflow/delivery';
import { NotificationsModule } from '@charterflow/notifications';
import { OrganisationsModule } from '@charterflow/organisations';
import { CoreModuleOptions, PlatformModule } from '@charterflow/platform';
import { CalendarController } from './calendar/calendar.controller';
import { CasesController } from './cases/cases.controller';
import { ConsoleModule } from './console/console.module';
import { HealthModule } from './health/health.module';
import { MetricsModule } from './metrics/metrics.module';
import { NotificationsController } from './notifications/notifications.controller';
import { OrganisationsController } from './organisations/organisations.controller';
import { WebhooksController } from './webhooks/webhooks.controller';

/**
 * The HTTP API: the platform (configuration, clock, calendar, logs, database), the domain modules and their
 * controllers, and, unless RUN_WORKER=false, the worker's duties in the same process.
 */
@Module({})
export class AppModule {
  static forRoot(options: CoreModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot(options), OrganisationsModule, CasesModule, HealthModule, MetricsModule, ConsoleModule, NotificationsModule, DeliveryCoreModule, ...(options.config.RUN_WORKER ? [DeliveryModule.forRoot({ config: options.config })] : [])],
      controllers: [OrganisationsController, CasesController, CalendarController, NotificationsController, WebhooksController],
    };
  }
}
