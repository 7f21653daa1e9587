export * from './table';
export * from './apply';
