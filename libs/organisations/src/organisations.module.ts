import { Module } from '@nestjs/common';
import { OrganisationsService } from './organisations.service';
import { OrganisationsRepository } from './repositories/organisations.repository';

/** The organisation tree. Needs the TypeORM DataSource (`TypeOrmModule.forRoot…`) in the application module. */
@Module({
  providers: [OrganisationsRepository, OrganisationsService],
  exports: [OrganisationsService],
})
export class OrganisationsModule {}
