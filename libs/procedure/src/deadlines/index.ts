export * from './table';
export * from './apply';
export * from './trace';
