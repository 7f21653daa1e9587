export * from './model/dates';
export * from './model/candidate';
export * from './model/states';
export * from './model/events';
export * from './model/deadlines';
export * from './model/errors';
export * from './model/engine';
export * from './model/calendar';
