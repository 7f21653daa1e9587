export * from './organisation';
export * from './organisation-hierarchy';
export * from './organisations.service';
export * from './organisations.module';
export * from './scope';
export { OrganisationsRepository } from './repositories/organisations.repository';
export * from './tables';
