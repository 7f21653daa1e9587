export * from './notification';
export * from './inbox-cursor';
export * from './inbox.repository';
export * from './inbox.service';
export * from './inbox.module';
