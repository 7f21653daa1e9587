export * from './intake.module';
export * from './intake.service';
export { IMPORT_COLUMNS, rowToCase, rowHash } from './row-to-case';
export { parseCsv, parseJson, MAX_IMPORT_ROWS } from './parse-file';
export * from './tables';
