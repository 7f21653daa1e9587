import { Module } from '@nestjs/common';
import { CasesModule } from '@charterflow/cases';
import { TimedEventsSweeper } from './timed-events.sweeper';

/** The worker's duties: for now, recording the engine's timed events when they fall due. */
@Module({
  imports: [CasesModule],
  providers: [TimedEventsSweeper],
})
export class DeliveryModule {}
