export * from './intake.module';
export * from './intake.service';
export * from './import-report';
export { ImportRunner, IMPORT_BATCH_ROWS, IMPORT_LEASE_MS } from './import-runner';
export { ImportWorkerModule } from './import-worker.module';
export { IMPORT_COLUMNS, IMPORT_COLUMN_LABELS, rowToCase, rowHash } from './row-to-case';
export { parseCsv, parseJson, MAX_IMPORT_ROWS, type ImportUpload } from './parse-file';
export * from './tables';
