export * from './database.options';
export * from './errors/database-unavailable';
export * from './migrations';
export { createPgliteDriver } from './pglite/pglite-driver';
export { createTypeParsers } from './type-parsers';
export * from './rows/table';
export * from './prepared-statements';
