export * from './facts';
export * from './admission.machine';
