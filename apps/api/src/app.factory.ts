import { INestApplication, RequestMethod, ValidationPipe } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppConfig, loadConfig } from '@charterflow/config';
import { AppModule } from './app.module';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { jsonBodyParser } from './common/http/json-body-parser';
import { setupOpenApi } from './common/openapi/setup-openapi';
import { StorableInputInterceptor } from './common/validation/storable-input.interceptor';
import { VALIDATION_OPTIONS } from './common/validation/validation.options';
import { useIntakeBodyParsers } from './intake/intake-body-parsers';
import { useDocumentBodyParser } from './documents/documents-body-parser';
import { Clock } from '@charterflow/kernel';
import { serveStaffApplication, staffAppDir } from './web/staff-app';

export const API_PREFIX = 'api/v1';
export const JSON_BODY_LIMIT = '100kb';

export interface CreateAppOptions {
  /** Defaults to `loadConfig()` from the environment. */
  config?: AppConfig;
  /** Defaults to the system clock. */
  clock?: Clock;
  /** The built staff application; defaults to `staffAppDir()` (apps/web/dist). */
  webDir?: string;
}

/** Builds the configured HTTP application without listening: `main.ts` and the end-to-end tests share it. */
export async function createApp(options: CreateAppOptions = {}): Promise<INestApplication> {
  const config = options.config ?? loadConfig();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ config, clock: options.clock }), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.set('etag', false);
  app.set('x-powered-by', false);
  // Behind TRUST_PROXY proxies the client's address is the one they forwarded (the login limit counts it).
  app.set('trust proxy', config.TRUST_PROXY);
  // The staff application may be served over plain http on an office network: no forced upgrade to https (a TLS proxy
  // adds HSTS). Its built files are scripts and styles of this origin; Mantine sets its theme in an inline <style>
  // (helmet's default style-src allows inline styles, scripts stay 'self' only).
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } }, strictTransportSecurity: false }));
  // CORS is closed unless CORS_ORIGINS names origins: the staff application is served from the same origin.
  if (config.CORS_ORIGINS.length > 0) {
    app.enableCors({ origin: config.CORS_ORIGINS, methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], allowedHeaders: ['Authorization', 'Content-Type', 'If-Match', 'Idempotency-Key'], exposedHeaders: ['ETag', 'Retry-After'], maxAge: 600 });
  }
  useIntakeBodyParsers(app);
  useDocumentBodyParser(app);
  app.use(jsonBodyParser(JSON_BODY_LIMIT));
  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: 'health', method: RequestMethod.GET }, { path: 'metrics', method: RequestMethod.GET }] });
  serveStaffApplication(app, options.webDir ?? staffAppDir());
  // Text the database cannot hold is refused before any DTO sees it; then each DTO validates its own shape.
  app.useGlobalInterceptors(new StorableInputInterceptor(app.get(Reflector)));
  app.useGlobalPipes(new ValidationPipe(VALIDATION_OPTIONS));
  app.useGlobalFilters(new AllExceptionsFilter());
  setupOpenApi(app);
  await app.init();
  return app;
}
