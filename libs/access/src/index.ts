export * from './access.module';
export * from './auth.service';
export * from './principal';
export * from './accounts/user';
export * from './accounts/users.service';
export * from './accounts/actor-names';
export * from './policy/route-permissions';
export { PasswordHasher } from './passwords/password-hasher';
export * from './tables';
