export * from './bodies';
export * from './roles';
export * from './event-permissions';
