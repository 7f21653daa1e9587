import { Logger } from '@nestjs/common';
import { loadConfig } from '@charterflow/config';
import { createApp } from './app.factory';
import { OPENAPI_PATH } from './common/openapi/setup-openapi';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await createApp({ config });
  await app.listen(config.PORT);
  const url = (await app.getUrl()).replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
  const logger = new Logger('Bootstrap');
  logger.log(`charterflow API listening on ${url}/api/v1 (OpenAPI at ${url}/${OPENAPI_PATH})`);
  logger.log(config.DATABASE_URL ? 'Database: PostgreSQL (DATABASE_URL)' : `Database: embedded PGlite in ${config.DATA_DIR}`);
}

bootstrap().catch((error: unknown) => {
  // Configuration errors are already a readable multi-line message; print it without a stack.
  const message = error instanceof Error && error.name === 'ConfigValidationError' ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
