export * from './roles';
export * from './event-permissions';
