import { Module } from '@nestjs/common';

/** Import of cases already under way (HTTP). */
@Module({})
export class ImportsApiModule {}
