import { Module } from '@nestjs/common';
import { StatisticsRepository } from '@charterflow/audit';
import { StatisticsService } from '@charterflow/audit';
import { OrganisationsModule } from '@charterflow/organisations';
import { StatisticsController } from './statistics.controller';

/** Statistics, targets and the period report over HTTP. */
@Module({ imports: [OrganisationsModule], providers: [StatisticsRepository, StatisticsService], controllers: [StatisticsController] })
export class ReportingApiModule {}
