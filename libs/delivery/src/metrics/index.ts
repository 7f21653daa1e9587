export * from './delivery-metrics';
export * from './delivery-metrics.module';
export * from './overdue-deadlines.repository';
