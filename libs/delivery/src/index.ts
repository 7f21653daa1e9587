export * from './delivery.module';
export * from './timed-events.sweeper';
