export * from './case.entity';
export * from './case-event.entity';
export * from './deadline.entity';
export * from './idempotency-key.entity';
