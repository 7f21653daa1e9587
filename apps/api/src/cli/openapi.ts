import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '@charterflow/config';
import { createApp } from '../app.factory';
import { createOpenApiDocument } from '../common/openapi/setup-openapi';

/** Where the checked-in OpenAPI document lives; the staff application's typed client is generated from it. */
export const OPENAPI_FILE = join('docs', 'openapi.json');

/** The document as it is written to docs/openapi.json (stable: two-space JSON and a final newline). */
export function openApiText(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/**
 * `npm run openapi`: boots the application on a throwaway embedded database (nothing listens), builds its OpenAPI
 * document and writes it to docs/openapi.json. `npm run client` then regenerates apps/web/src/api/schema.d.ts.
 */
async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'charterflow-openapi-'));
  try {
    const config = loadConfig({ DATA_DIR: dataDir, RUN_WORKER: 'false', LOG_LEVEL: 'silent', NODE_ENV: 'development' });
    const app = await createApp({ config });
    try {
      writeFileSync(resolve(OPENAPI_FILE), openApiText(createOpenApiDocument(app)));
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  process.stdout.write(`${OPENAPI_FILE} written\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
