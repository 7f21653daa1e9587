import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Organisation } from './entities/organisation.entity';
import { OrganisationsService } from './organisations.service';
import { OrganisationsRepository } from './repositories/organisations.repository';

/** The organisation tree. Needs `TypeOrmModule.forRoot…` in the application module. */
@Module({
  imports: [TypeOrmModule.forFeature([Organisation])],
  providers: [OrganisationsRepository, OrganisationsService],
  exports: [OrganisationsService],
})
export class OrganisationsModule {}
