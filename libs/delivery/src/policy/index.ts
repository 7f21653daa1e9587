export * from './reminder-policy';
export * from './validate-reminder-policy';
export * from './load-reminder-policy';
export * from './reminder-policy.service';
