import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@charterflow/config';
import { UsersRepository } from './accounts/users.repository';
import { passwordProblem, toUserView, UserRecord, UserView } from './accounts/user';
import { afterFailure, lockedForSeconds } from './login/lockout-policy';
import { LoginAttemptsRepository } from './login/login-attempts.repository';
import { PasswordHasher } from './passwords/password-hasher';
import { Principal } from './principal';
import { SessionsRepository } from './sessions/sessions.repository';
import { TokenService } from './tokens/token.service';
import { Clock, DomainException } from '@charterflow/kernel';

export interface LoginResult {
  accessToken: string;
  tokenType: 'Bearer';
  expiresAt: string;
  user: UserView;
}

/** The signed-in account as it sees itself (`GET /auth/me`). */
export type MeView = { userId: string } & Pick<UserRecord, 'username' | 'fullName' | 'title' | 'organisationId' | 'organisationName' | 'roles'>;

const BAD_CREDENTIALS = 'Invalid username or password.';

/** Login, logout, password change, and turning a bearer token into the request's principal. */
@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly attempts: LoginAttemptsRepository,
    private readonly tokens: TokenService,
    private readonly passwords: PasswordHasher,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /**
   * Checks a name and password. Each attempt is counted as a failure *before* its password is checked, under the
   * name's row lock, and a success takes the count back: so however many attempts arrive at once, at most
   * LOGIN_MAX_FAILURES passwords are checked and found wrong before the name locks, and a locked name answers
   * TOO_MANY_REQUESTS without its password being looked at. An unknown name and a wrong password answer the same
   * UNAUTHENTICATED after the same work (a dummy hash is checked).
   */
  async login(username: string, password: string): Promise<LoginResult> {
    const key = typeof username === 'string' ? username.trim().toLowerCase() : '';
    const now = this.clock.now();
    const policy = { maxFailures: this.config.LOGIN_MAX_FAILURES, lockSeconds: this.config.LOGIN_LOCK_SECONDS };
    let lockedBefore = 0;
    const counted = await this.attempts.update(key, (current) => {
      lockedBefore = lockedForSeconds(current, now);
      return lockedBefore > 0 ? null : afterFailure(current, now, policy);
    });
    if (lockedBefore > 0) throw lockedError(lockedBefore);

    const user = key ? await this.users.findActiveByUsername(key) : null;
    const ok = typeof password === 'string' && (await this.passwords.verify(password, user?.passwordHash ?? (await this.passwords.dummyHash())));
    if (!user || !ok) {
      // This failure is already counted; it may be the one that locked the name.
      const lockedNow = lockedForSeconds(counted, now);
      if (lockedNow > 0) throw lockedError(lockedNow);
      throw new DomainException('UNAUTHENTICATED', BAD_CREDENTIALS, { reason: 'BAD_CREDENTIALS' });
    }
    await this.attempts.clear(key);
    if (this.passwords.needsRehash(user.passwordHash)) await this.users.rehash(user.id, await this.passwords.hash(password));

    const sessionId = randomUUID();
    const signed = this.tokens.sign({ userId: user.id, sessionId, username: user.username });
    await this.sessions.insert({ id: sessionId, userId: user.id, issuedAt: signed.issuedAt, expiresAt: signed.expiresAt });
    return { accessToken: signed.token, tokenType: 'Bearer', expiresAt: signed.expiresAt.toISOString(), user: toUserView(user) };
  }

  /**
   * The principal of a bearer token: signature, issuer, audience and expiry first, then its session (not revoked,
   * not expired) and its account (not deleted), read afresh so that a revocation or a role change counts at once.
   */
  async authenticate(token: string | undefined): Promise<Principal> {
    if (!token) throw unauthenticated('MISSING_TOKEN', 'An access token is required: Authorization: Bearer <token>.');
    const verdict = this.tokens.verify(token);
    if (!verdict.ok) {
      throw verdict.problem === 'expired'
        ? unauthenticated('TOKEN_EXPIRED', 'The access token has expired; log in again.')
        : unauthenticated('TOKEN_INVALID', 'The access token is not valid.');
    }
    const row = await this.sessions.findPrincipal(verdict.claims.sid);
    const now = this.clock.now();
    if (!row || row.userId !== verdict.claims.sub) throw unauthenticated('TOKEN_INVALID', 'The access token is not valid.');
    if (row.deletedAt) throw unauthenticated('ACCOUNT_DELETED', 'This account no longer exists.');
    if (row.revokedAt) throw unauthenticated('SESSION_ENDED', 'This session has ended; log in again.');
    if (row.expiresAt <= now) throw unauthenticated('TOKEN_EXPIRED', 'The access token has expired; log in again.');
    return {
      userId: row.userId,
      username: row.username,
      organisationId: row.organisationId,
      roles: row.roles,
      sessionId: row.sessionId,
      scope: { organisationId: row.organisationId, pathPrefix: row.organisationPath },
    };
  }

  /**
   * Sliding renewal of a browser session: once more than half of its token's life has passed, a fresh token of the
   * same session (the session's end moved with it), so that a clerk at work stays signed in and an idle one is signed
   * out a token's life after the last renewal. Null while the token is younger, or when the session has ended.
   * `token` is one `authenticate` accepted for `principal`.
   */
  async renewal(token: string, principal: Principal): Promise<{ accessToken: string; expiresAt: Date } | null> {
    const verdict = this.tokens.verify(token);
    if (!verdict.ok || verdict.claims.sid !== principal.sessionId) return null;
    const age = this.clock.now().getTime() - verdict.claims.iat * 1000;
    if (age * 2 <= this.tokens.ttlSeconds * 1000) return null;
    const signed = this.tokens.sign({ userId: principal.userId, sessionId: principal.sessionId, username: principal.username });
    if (!(await this.sessions.extend(principal.sessionId, signed.expiresAt))) return null;
    return { accessToken: signed.token, expiresAt: signed.expiresAt };
  }

  /** The CSRF token of a browser session: bound to the session, the same across its renewals, computable by the server only. */
  csrfTokenOf(principal: Pick<Principal, 'sessionId'>): string {
    return this.tokens.sessionTag(principal.sessionId);
  }

  /** The signed-in account with its names (`GET /auth/me`). */
  async me(principal: Principal): Promise<MeView> {
    const user = await this.users.findActive(principal.userId);
    if (!user) throw unauthenticated('ACCOUNT_DELETED', 'This account no longer exists.');
    return {
      userId: user.id,
      username: user.username,
      fullName: user.fullName,
      title: user.title,
      organisationId: user.organisationId,
      organisationName: user.organisationName,
      roles: user.roles,
    };
  }

  async logout(principal: Principal): Promise<void> {
    await this.sessions.revoke(principal.sessionId, 'logout', this.clock.now());
  }

  /** Changes the caller's own password; every session of the account ends, this one included. */
  async changePassword(principal: Principal, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.users.findActive(principal.userId);
    if (!user) throw unauthenticated('ACCOUNT_DELETED', 'This account no longer exists.');
    if (typeof currentPassword !== 'string' || !(await this.passwords.verify(currentPassword, user.passwordHash))) {
      throw DomainException.validation([{ field: 'currentPassword', message: 'currentPassword is not the current password' }]);
    }
    const problem = passwordProblem(newPassword, user.username);
    if (problem) throw DomainException.validation([{ field: 'newPassword', message: problem }]);
    const hash = await this.passwords.hash(newPassword);
    const now = this.clock.now();
    await this.users.transaction(async (m) => {
      await this.users.setPassword(m, user.id, hash, now);
      await this.sessions.revokeAllOfUser(m, user.id, 'password changed', now);
    });
  }
}

function unauthenticated(reason: string, message: string): DomainException {
  return new DomainException('UNAUTHENTICATED', message, { reason });
}

function lockedError(seconds: number): DomainException {
  return new DomainException('TOO_MANY_REQUESTS', `Too many failed logins for this account name; try again in ${seconds} s.`, {
    reason: 'LOGIN_LOCKED',
    retryAfterSeconds: seconds,
  });
}
