import { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '@charterflow/config';

/** Secrets and credentials that never reach a log line. */
const REDACTED = ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', 'password', '*.password'];

/**
 * Structured request and application logs: JSON lines, or human-readable when developing on a terminal.
 * Health probes are not logged per request.
 */
export function loggerModule(config: AppConfig): DynamicModule {
  const pretty = !config.isProduction && process.stdout.isTTY === true;
  return LoggerModule.forRoot({
    pinoHttp: {
      level: config.LOG_LEVEL,
      redact: { paths: REDACTED, censor: '[redacted]' },
      autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
      ...(pretty ? { transport: { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:standard' } } } : {}),
    },
  });
}
