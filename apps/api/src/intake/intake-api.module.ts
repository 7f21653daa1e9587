import { Module } from '@nestjs/common';
import { IntakeModule } from '@charterflow/intake';
import { ImportsController } from './imports.controller';

/** Imports of cases already under way, over HTTP. */
@Module({ imports: [IntakeModule], controllers: [ImportsController] })
export class IntakeApiModule {}
