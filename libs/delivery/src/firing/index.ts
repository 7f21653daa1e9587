export * from './delivery-core.module';
export * from './firing.service';
export * from './pending-firings.service';
export * from './firing-deadlines.repository';
export * from './deadline-firings.repository';
export * from './organisation-chain.repository';
export * from './recipients';
export * from './notification-text';
