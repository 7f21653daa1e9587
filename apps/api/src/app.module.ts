import { DynamicModule, ExecutionContext, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AccessModule } from '@charterflow/access';
import { ComplianceSweepModule } from '@charterflow/audit';
import { CasesModule } from '@charterflow/cases';
import { ImportWorkerModule } from '@charterflow/intake';
import { DeliveryCoreModule, DeliveryModule } from '@charterflow/delivery';
import { NotificationsModule, TransferNoticesModule } from '@charterflow/notifications';
import { OrganisationsModule } from '@charterflow/organisations';
import { CoreModuleOptions, PlatformModule } from '@charterflow/platform';
import { AccessGuard } from './auth/access.guard';
import { AuthController } from './auth/auth.controller';
import { LOGIN_THROTTLER, RateLimitGuard, WRITE_THROTTLER } from './auth/write-throttler.guard';
import { RedisThrottlerStorage } from './auth/redis-throttler-storage';
import { CalendarController } from './calendar/calendar.controller';
import { CasesController } from './cases/cases.controller';
import { CaseDeskController } from './cases/desk/case-desk.controller';
import { WorklistController } from './worklist/worklist.controller';
import { HealthModule } from './health/health.module';
import { MetricsModule } from './metrics/metrics.module';
import { NotificationsController } from './notifications/notifications.controller';
import { OrganisationsController } from './organisations/organisations.controller';
import { UsersController } from './users/users.controller';
import { AuditApiModule } from './audit/audit-api.module';
import { IntakeApiModule } from './intake/intake-api.module';
import { ReportingApiModule } from './reporting/reporting-api.module';
import { DocumentsApiModule } from './documents/documents-api.module';
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
      imports: [
        PlatformModule.forRoot(options),
        ThrottlerModule.forRoot({
          setHeaders: false,
          // Shared by every API replica when Redis is configured; in this process's memory otherwise (ADR 0025).
          ...(options.config.REDIS_URL ? { storage: new RedisThrottlerStorage(options.config.REDIS_URL) } : {}),
          throttlers: [
            // Logins per client address; only the login route counts.
            { name: LOGIN_THROTTLER, ttl: 60_000, limit: options.config.LOGIN_RATE_LIMIT_PER_MINUTE, skipIf: (ctx) => !isLogin(ctx) },
            // Writes per account (the access guard has put the account on the request).
            { name: WRITE_THROTTLER, ttl: 60_000, limit: options.config.WRITE_RATE_LIMIT_PER_MINUTE, skipIf: (ctx) => isLogin(ctx) || !isWrite(ctx) },
          ],
        }),
        AccessModule,
        OrganisationsModule,
        AuditApiModule,
        IntakeApiModule,
        ReportingApiModule,
        DocumentsApiModule,
        CasesModule, HealthModule, MetricsModule, NotificationsModule, TransferNoticesModule, DeliveryCoreModule, ...(options.config.RUN_WORKER ? [DeliveryModule.forRoot({ config: options.config }), ComplianceSweepModule, ImportWorkerModule] : [])],
      // Guards run in this order: who is calling (and may they call this route), then the rate limits.
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
      ],
      controllers: [AuthController, UsersController, OrganisationsController, CasesController, CaseDeskController, WorklistController, CalendarController, NotificationsController, WebhooksController],
    };
  }
}

function isLogin(ctx: ExecutionContext): boolean {
  const handler = ctx.getHandler();
  return handler === AuthController.prototype.login || handler === AuthController.prototype.openSession;
}

function isWrite(ctx: ExecutionContext): boolean {
  return ctx.getType() === 'http' && !['GET', 'HEAD', 'OPTIONS'].includes(ctx.switchToHttp().getRequest<{ method: string }>().method);
}
