import { Module } from '@nestjs/common';
import { AccessModule } from '@charterflow/access';
import { IntakeModule } from '@charterflow/intake';
import { ImportsController } from './imports.controller';

/** Imports of cases already under way, over HTTP. */
@Module({ imports: [IntakeModule, AccessModule], controllers: [ImportsController] })
export class IntakeApiModule {}
