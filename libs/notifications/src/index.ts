export * from './notifications.module';
export * from './inbox';
export * from './webhooks';
export * from './tables';
export * from './transfers/transfer-notices';
