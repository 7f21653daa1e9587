import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { OrganisationsModule } from '@charterflow/organisations';
import { ActorNames } from './accounts/actor-names';
import { AdminBootstrap } from './accounts/admin-bootstrap';
import { UsersRepository } from './accounts/users.repository';
import { UsersService } from './accounts/users.service';
import { AuthService } from './auth.service';
import { LoginAttemptsRepository } from './login/login-attempts.repository';
import { PasswordHasher } from './passwords/password-hasher';
import { SessionsRepository } from './sessions/sessions.repository';
import { TokenService } from './tokens/token.service';

/**
 * Staff accounts, login sessions and access tokens. Needs the platform (configuration, clock, database). The
 * bootstrap admin is ensured at start when ADMIN_PASSWORD is set.
 */
@Module({
  imports: [OrganisationsModule, JwtModule.register({})],
  providers: [PasswordHasher, UsersRepository, SessionsRepository, LoginAttemptsRepository, TokenService, AuthService, UsersService, AdminBootstrap, ActorNames],
  exports: [AuthService, UsersService, PasswordHasher, ActorNames],
})
export class AccessModule {}
