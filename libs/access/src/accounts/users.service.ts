import { Injectable } from '@nestjs/common';
import { OrganisationsService, Scope, WHOLE_TREE } from '@charterflow/organisations';
import { isRole, Role, roleProblem, ROLES } from '@charterflow/procedure';
import { PasswordHasher } from '../passwords/password-hasher';
import { SessionsRepository } from '../sessions/sessions.repository';
import { nameProblem, normaliseName, passwordProblem, toUserView, USERNAME_PATTERN, UserView } from './user';
import { UsersRepository } from './users.repository';
import { Clock, DomainException } from '@charterflow/kernel';

export interface CreateUserInput {
  username: string;
  password: string;
  /** 1–200 characters once trimmed (NFC, white space collapsed). */
  fullName: string;
  /** The post held, at most 200 characters; absent, null or blank: none. */
  title?: string | null;
  organisationId: string;
  roles: string[];
}

/** What an administrator may change on an account; an absent field stays as it is. */
export interface UpdateUserInput {
  fullName?: string;
  /** null (or blank) removes the title. */
  title?: string | null;
  roles?: string[];
}

/** The name of the account ensured from ADMIN_PASSWORD (api.md "Authentication"). */
export const BOOTSTRAP_ADMIN = 'admin';

/** The full name the bootstrap `admin` gets unless ADMIN_FULL_NAME says otherwise. */
export const BOOTSTRAP_ADMIN_FULL_NAME = 'Quản trị hệ thống';

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
    const fullName = checkFullName(input.fullName);
    const title = checkTitle(input.title);
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
    const created = await this.users.insert({
      username,
      fullName,
      title,
      organisationId: organisation.id,
      roles,
      passwordHash: await this.passwords.hash(input.password),
      now: this.clock.now(),
    });
    if (!created) throw new DomainException('ALREADY_EXISTS', `The username ${username} is taken.`, { field: 'username' });
    return toUserView(created);
  }

  /**
   * Changes an account of `scope`: its full name, its title, its roles (which must fit its organisation's kind, as on
   * creation). An account cannot change its own roles (an administrator could otherwise lock itself out); its name
   * and title it may. NOT_FOUND outside `scope`.
   */
  async update(id: string, input: UpdateUserInput, scope: Scope, byUserId: string): Promise<UserView> {
    const user = await this.users.findActive(id, scope.pathPrefix);
    if (!user) throw DomainException.notFound('User', id);
    const change: { fullName?: string; title?: string | null; roles?: Role[] } = {};
    if (input.fullName !== undefined) change.fullName = checkFullName(input.fullName);
    if (input.title !== undefined) change.title = checkTitle(input.title);
    if (input.roles !== undefined) {
      const roles = this.checkRoles(input.roles);
      if (user.id === byUserId) throw new DomainException('FORBIDDEN', 'An account cannot change its own roles.', { permission: 'users.changeOwnRoles' });
      const kind = user.organisationId === null ? null : (await this.organisations.get(user.organisationId)).kind;
      const misfit = roleProblem(roles, kind);
      if (misfit) throw DomainException.validation([{ field: 'roles', message: misfit }]);
      change.roles = roles;
    }
    const updated = Object.keys(change).length ? await this.users.update(id, change, this.clock.now()) : user;
    if (!updated) throw DomainException.notFound('User', id);
    return toUserView(updated);
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
   * Ensures the bootstrap `admin`: over the whole tree, with every role, with this password, named `fullName`
   * (ADMIN_FULL_NAME) when given, else "Quản trị hệ thống" on creation. Created when missing, restored when deleted;
   * its password (and only then its sessions) changes when it does not match.
   */
  async ensureAdmin(password: string, fullName?: string): Promise<'created' | 'updated' | 'unchanged'> {
    const now = this.clock.now();
    const roles = [...ROLES];
    const givenName = fullName === undefined ? undefined : checkFullName(fullName, 'ADMIN_FULL_NAME');
    const existing = await this.users.findAnyByUsername(BOOTSTRAP_ADMIN);
    if (!existing) {
      const created = await this.users.insert({
        username: BOOTSTRAP_ADMIN,
        fullName: givenName ?? BOOTSTRAP_ADMIN_FULL_NAME,
        title: null,
        organisationId: null,
        roles,
        passwordHash: await this.passwords.hash(password),
        now,
      });
      if (created) return 'created';
      return this.ensureAdmin(password, fullName); // created concurrently by another replica
    }
    // ADMIN_FULL_NAME, when set, is the name; unset, a name given since (PATCH /users/{id}) stays, and only the
    // placeholder of an account older than full names (its username) becomes the default.
    const wantedName = givenName ?? (existing.fullName === existing.username ? BOOTSTRAP_ADMIN_FULL_NAME : existing.fullName);
    const matches = await this.passwords.verify(password, existing.passwordHash);
    const shapeOk = !existing.deletedAt && existing.organisationId === null && roles.every((r) => existing.roles.includes(r));
    if (matches && shapeOk && existing.fullName === wantedName) return 'unchanged';
    const hash = matches ? null : await this.passwords.hash(password);
    await this.users.transaction(async (m) => {
      await this.users.restoreAsAdmin(m, existing.id, roles, now);
      if (existing.fullName !== wantedName) await this.users.setFullName(m, existing.id, wantedName, now);
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

/** The normalised full name, or VALIDATION_FAILED naming `field`. */
function checkFullName(value: unknown, field = 'fullName'): string {
  const name = normaliseName(value);
  const problem = nameProblem('fullName', name);
  if (problem) throw DomainException.validation([{ field, message: problem.replace(/^fullName/, field) }]);
  return name as string;
}

/** The normalised title; null when absent, null or blank. VALIDATION_FAILED naming `title` otherwise. */
function checkTitle(value: unknown): string | null {
  const title = normaliseName(value);
  if (title === undefined || title === null || title === '') return null;
  const problem = nameProblem('title', title);
  if (problem) throw DomainException.validation([{ field: 'title', message: problem }]);
  return title as string;
}
