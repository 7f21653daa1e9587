import { DataSource } from 'typeorm';
import { cleanDatabase, createTestDataSource } from '../support/database';
import { caseFlowSuite } from './case-flow.suite';

describe('CasesService on PostgreSQL', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await createTestDataSource();
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  caseFlowSuite(() => dataSource, () => cleanDatabase(dataSource));
});
