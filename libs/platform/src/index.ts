export * from './core.module';
export * from './logger.module';
export * from './platform.module';
