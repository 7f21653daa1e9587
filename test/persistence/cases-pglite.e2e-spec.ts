import { DataSource } from 'typeorm';
import { cleanDatabase, createPgliteDataSource, createTempDataDir } from '../support/database';
import { caseFlowSuite } from './case-flow.suite';

describe('CasesService on embedded PGlite', () => {
  const folder = createTempDataDir();
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await createPgliteDataSource(folder.dir);
  });

  afterAll(async () => {
    await dataSource.destroy();
    folder.remove();
  });

  caseFlowSuite(() => dataSource, () => cleanDatabase(dataSource));
});
