import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { AppConfig, SECRET_VARIABLES } from './app-config';

/** Names of the variables AppConfig reads; everything else in the environment is ignored. */
const VARIABLES = [
  'PORT',
  'DATABASE_URL',
  'DATABASE_POOL_SIZE',
  'DATA_DIR',
  'REDIS_URL',
  'ADMIN_PASSWORD',
  'ADMIN_FULL_NAME',
  'JWT_SECRET',
  'ACCESS_TOKEN_TTL_SECONDS',
  'LOGIN_MAX_FAILURES',
  'LOGIN_LOCK_SECONDS',
  'LOGIN_RATE_LIMIT_PER_MINUTE',
  'WRITE_RATE_LIMIT_PER_MINUTE',
  'TRUST_PROXY',
  'WORKER_METRICS_PORT',
  'CORS_ORIGINS',
  'WEBHOOK_ALLOW_PRIVATE_TARGETS',
  'RUN_WORKER',
  'DELIVERY_POLL_INTERVAL_MS',
  'RECONCILE_INTERVAL_MS',
  'REMINDER_POLICY_PATH',
  'AUDIT_SWEEP_INTERVAL_MS',
  'IMPORT_REPLAY_THREADS',
  'LOG_LEVEL',
  'NODE_ENV',
] as const;

/** The environment does not describe a configuration the process can start with. `problems` lists every bad variable. */
export class ConfigValidationError extends Error {
  constructor(public readonly problems: { variable: string; message: string }[]) {
    super(
      [
        'Invalid configuration: fix these environment variables and start again.',
        ...problems.map((p) => `  - ${p.variable}: ${p.message}`),
      ].join('\n'),
    );
    this.name = 'ConfigValidationError';
  }
}

function describe(error: ValidationError): { variable: string; message: string } {
  // A missing value: say only that it is required, not every rule a present value would have to meet.
  const constraints = error.constraints ?? {};
  const messages = constraints.isDefined ? [constraints.isDefined] : Object.values(constraints);
  const shown = SECRET_VARIABLES.includes(error.property) ? '' : ` (got ${JSON.stringify(error.value)})`;
  return { variable: error.property, message: `${[...new Set(messages)].join('; ')}${shown}` };
}

/**
 * Reads and validates the configuration. Throws one ConfigValidationError naming every bad variable; the value of a
 * secret (password, connection strings that may hold one) is never printed.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const plain: Record<string, string | undefined> = {};
  for (const name of VARIABLES) plain[name] = env[name];
  const config = plainToInstance(AppConfig, plain, { exposeDefaultValues: true });
  const errors = validateSync(config, { forbidUnknownValues: true });
  if (errors.length > 0) throw new ConfigValidationError(errors.map(describe));
  return config;
}
