export * from './plan-firings';
export * from './local-instant';
export * from './working-days-before';
export * from './latest-due-on';
