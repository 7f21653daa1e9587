import { Module } from '@nestjs/common';

/** Statistics, targets and the period report (HTTP). */
@Module({})
export class StatisticsApiModule {}
