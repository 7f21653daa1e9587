import { Module } from '@nestjs/common';
import { ConsoleController, ConsoleRootController } from './console.controller';

/**
 * The staff console at `/console` (and `/` redirecting to it): a dependency-free page for cell secretaries and
 * committee offices, using only the public JSON API. Its routes are excluded from the `api/v1` prefix in app.factory.ts.
 */
@Module({ controllers: [ConsoleController, ConsoleRootController] })
export class ConsoleModule {}
