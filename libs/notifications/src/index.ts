export * from './notifications.module';
export * from './inbox';
export * from './webhooks';
export * from './tables';
