import { DataSource } from 'typeorm';
import { cleanDatabase, createPgliteDataSource, createTempDataDir, PGLITE_TIMEOUT_MS } from '../support/database';
import { caseFlowSuite } from './case-flow.suite';

describe('CasesService on embedded PGlite', () => {
  const folder = createTempDataDir();
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await createPgliteDataSource(folder.dir);
  }, PGLITE_TIMEOUT_MS);

  // A failed start leaves no data source: close what exists, then always remove the folder.
  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    folder.remove();
  }, PGLITE_TIMEOUT_MS);

  caseFlowSuite(() => dataSource, () => cleanDatabase(dataSource));
});
