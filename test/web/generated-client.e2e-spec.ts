import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OPENAPI_FILE, openApiText } from '../../apps/api/src/cli/openapi';
import { createOpenApiDocument } from '../../apps/api/src/common/openapi/setup-openapi';
import { startTestApp, TestApp } from '../support/app';

const CLIENT_FILE = join('apps', 'web', 'src', 'api', 'schema.d.ts');

/**
 * The staff application's client is typed from the checked-in OpenAPI document: both must be what the code makes
 * today. A route or DTO changed without `npm run openapi && npm run client` fails here.
 */
describe('the checked-in OpenAPI document and the typed client are current', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('docs/openapi.json is the document the application builds (run `npm run openapi`)', () => {
    expect(readFileSync(OPENAPI_FILE, 'utf8')).toBe(openApiText(createOpenApiDocument(t.app)));
  });

  it('apps/web/src/api/schema.d.ts is what openapi-typescript makes of it (run `npm run client`)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'charterflow-client-'));
    try {
      const out = join(dir, 'schema.d.ts');
      execFileSync(join('node_modules', '.bin', 'openapi-typescript'), [OPENAPI_FILE, '-o', out], { stdio: 'pipe' });
      expect(readFileSync(CLIENT_FILE, 'utf8')).toBe(readFileSync(out, 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
