import { Module } from '@nestjs/common';
import { WorkerHeartbeatsRepository } from './worker-heartbeats.repository';

/** Worker liveness as data: the repository the worker writes and `/health` reads. Needs the DataSource. */
@Module({
  providers: [WorkerHeartbeatsRepository],
  exports: [WorkerHeartbeatsRepository],
})
export class HeartbeatModule {}
