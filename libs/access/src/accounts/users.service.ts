import { Injectable } from '@nestjs/common';
import { OrganisationsService, Scope, WHOLE_TREE } from '@charterflow/organisations';
import { isRole, Role, roleProblem, ROLES } from '@charterflow/procedure';
import { PasswordHasher } from '../passwords/password-hasher';
import { SessionsRepository } from '../sessions/sessions.repository';
import { passwordProblem, toUserView, USERNAME_PATTERN, UserView } from './user';
import { UsersRepository } from './users.repository';
import { Clock, DomainException } from '@charterflow/kernel';

export interface CreateUserInput {
  username: string;
  password: string;
  organisationId: string;
  roles: string[];
}

/** The name of the account ensured from ADMIN_PASSWORD (api.md "Authentication"). */
export const BOOTSTRAP_ADMIN = 'admin';

/** Staff accounts, managed by administrators within their subtree. */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly organisations: OrganisationsService,
    private readonly passwords: PasswordHasher,
    private readonly clock: Clock,
  ) {}

  /**
   * Creates an account attached to an organisation in `scope`, with roles that fit that organisation's kind
   * (`ROLE_BODY_KINDS`). ALREADY_EXISTS when the name is taken, deleted accounts included.
   */
  async create(input: CreateUserInput, scope: Scope = WHOLE_TREE): Promise<UserView> {
    const username = typeof input.username === 'string' ? input.username.trim() : '';
    if (!USERNAME_PATTERN.test(username)) {
      throw DomainException.validation([{ field: 'username', message: 'username must be 3–64 letters, digits, dots, underscores or hyphens' }]);
    }
    const roles = this.checkRoles(input.roles);
    const problem = passwordProblem(input.password, username);
    if (problem) throw DomainException.validation([{ field: 'password', message: problem }]);
    const organisation = await this.organisations.get(input.organisationId, scope).catch((e: unknown) => {
      if (e instanceof DomainException && e.code === 'NOT_FOUND') {
        throw DomainException.validation([{ field: 'organisationId', message: `organisation ${input.organisationId} does not exist` }]);
      }
      throw e;
    });
    const misfit = roleProblem(roles, organisation.kind);
    if (misfit) throw DomainException.validation([{ field: 'roles', message: misfit }]);
    const created = await this.users.insert({ username, organisationId: organisation.id, roles, passwordHash: await this.passwords.hash(input.password), now: this.clock.now() });
    if (!created) throw new DomainException('ALREADY_EXISTS', `The username ${username} is taken.`, { field: 'username' });
    return toUserView(created);
  }

  /** Accounts attached in `scope`, optionally at one organisation of it (NOT_FOUND when outside). */
  async list(scope: Scope, filter: { organisationId?: string } = {}): Promise<UserView[]> {
    if (filter.organisationId !== undefined) await this.organisations.get(filter.organisationId, scope);
    return (await this.users.list(scope.pathPrefix, filter.organisationId)).map(toUserView);
  }

  async get(id: string, scope: Scope): Promise<UserView> {
    const user = await this.users.findActive(id, scope.pathPrefix);
    if (!user) throw DomainException.notFound('User', id);
    return toUserView(user);
  }

  /**
   * Deletes an account: it can no longer log in and its tokens stop working at once. The row stays (case
   * histories name it) and so does its name. An account cannot delete itself.
   */
  async remove(id: string, scope: Scope, byUserId: string): Promise<void> {
    const user = await this.users.findActive(id, scope.pathPrefix);
    if (!user) throw DomainException.notFound('User', id);
    if (user.id === byUserId) throw new DomainException('FORBIDDEN', 'An account cannot delete itself.', { permission: 'users.deleteSelf' });
    const now = this.clock.now();
    await this.users.transaction(async (m) => {
      await this.users.softDelete(m, id, now);
      await this.sessions.revokeAllOfUser(m, id, 'account deleted', now);
    });
  }

  /** Sets another account's password (an administrator's reset); its sessions end. */
  async resetPassword(id: string, password: string, scope: Scope): Promise<void> {
    const user = await this.users.findActive(id, scope.pathPrefix);
    if (!user) throw DomainException.notFound('User', id);
    const problem = passwordProblem(password, user.username);
    if (problem) throw DomainException.validation([{ field: 'password', message: problem }]);
    const hash = await this.passwords.hash(password);
    const now = this.clock.now();
    await this.users.transaction(async (m) => {
      await this.users.setPassword(m, id, hash, now);
      await this.sessions.revokeAllOfUser(m, id, 'password reset', now);
    });
  }

  /**
   * Ensures the bootstrap `admin`: over the whole tree, with every role, with this password. Created when missing,
   * restored when deleted; its password (and only then its sessions) changes when it does not match.
   */
  async ensureAdmin(password: string): Promise<'created' | 'updated' | 'unchanged'> {
    const now = this.clock.now();
    const roles = [...ROLES];
    const existing = await this.users.findAnyByUsername(BOOTSTRAP_ADMIN);
    if (!existing) {
      const created = await this.users.insert({ username: BOOTSTRAP_ADMIN, organisationId: null, roles, passwordHash: await this.passwords.hash(password), now });
      if (created) return 'created';
      return this.ensureAdmin(password); // created concurrently by another replica
    }
    const matches = await this.passwords.verify(password, existing.passwordHash);
    const shapeOk = !existing.deletedAt && existing.organisationId === null && roles.every((r) => existing.roles.includes(r));
    if (matches && shapeOk) return 'unchanged';
    const hash = matches ? null : await this.passwords.hash(password);
    await this.users.transaction(async (m) => {
      await this.users.restoreAsAdmin(m, existing.id, roles, now);
      if (hash) {
        await this.users.setPassword(m, existing.id, hash, now);
        await this.sessions.revokeAllOfUser(m, existing.id, 'password changed by ADMIN_PASSWORD', now);
      }
    });
    return 'updated';
  }

  private checkRoles(roles: unknown): Role[] {
    if (!Array.isArray(roles) || roles.length === 0) throw DomainException.validation([{ field: 'roles', message: `roles must list one or more of ${ROLES.join(', ')}` }]);
    const bad = roles.filter((r) => !isRole(r));
    if (bad.length) throw DomainException.validation([{ field: 'roles', message: `unknown role(s) ${bad.join(', ')}; roles are ${ROLES.join(', ')}` }]);
    return [...new Set(roles as Role[])];
  }
}
