export * from './fields';
export * from './candidate.schema';
export * from './readmission.schema';
export * from './events.schema';
export * from './parse';
export * from './json-schema';
export * from './walk';
export * from './labels';
