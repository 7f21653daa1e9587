export * from './delivery.module';
export * from './contracts';
export * from './policy';
export * from './plan';
export * from './firing';
export * from './metrics';
export * from './transport';
export * from './heartbeat';
