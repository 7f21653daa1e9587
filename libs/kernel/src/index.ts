/**
 * What every library shares and nothing of ours is needed for: ids, business dates and the clock, the working-day
 * calendar port, the actor of a step, the domain error, periodic tasks, storable text, values as jsonb stores them
 * and the cursor of a paged list, and a text's SHA-256. It imports nothing of ours; every library may import it.
 */
export * from './ids';
export * from './actor';
export * from './time/business-date';
export * from './time/clock';
export * from './calendar/working-day-calendar';
export * from './errors/domain-error';
export * from './tasks/periodic-task';
export * from './text/storable-text';
export * from './json/stored-json';
export * from './paging/page-cursor';
export * from './digest/sha256';
