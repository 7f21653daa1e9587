export * from './heartbeat.module';
export * from './worker-heartbeat';
export * from './worker-heartbeats.repository';
