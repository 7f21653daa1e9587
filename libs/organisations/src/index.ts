export * from './entities/organisation.entity';
export * from './organisation-hierarchy';
export * from './organisations.service';
export * from './organisations.module';
export * from './scope';
export { OrganisationsRepository } from './repositories/organisations.repository';
