import { Role } from '@charterflow/procedure';

/** A `users` row as the services use it. */
export interface UserRecord {
  id: string;
  username: string;
  organisationId: string | null;
  roles: Role[];
  passwordHash: string;
  passwordChangedAt: Date;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

/** An account as the API shows it (never the hash). */
export interface UserView {
  id: string;
  username: string;
  organisationId: string | null;
  roles: Role[];
  createdAt: string;
  passwordChangedAt: string;
}

export function toUserView(u: UserRecord): UserView {
  return {
    id: u.id,
    username: u.username,
    organisationId: u.organisationId,
    roles: u.roles,
    createdAt: u.createdAt.toISOString(),
    passwordChangedAt: u.passwordChangedAt.toISOString(),
  };
}

export const USERNAME_PATTERN = /^[A-Za-z0-9._-]{3,64}$/;
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 200;

/** Why `password` cannot be an account's password, or null. */
export function passwordProblem(password: unknown, username: string): string | null {
  if (typeof password !== 'string') return 'password must be a string';
  if (password.length < PASSWORD_MIN_LENGTH) return `password must be at least ${PASSWORD_MIN_LENGTH} characters long`;
  if (password.length > PASSWORD_MAX_LENGTH) return `password must be at most ${PASSWORD_MAX_LENGTH} characters long`;
  if (password.toLowerCase() === username.toLowerCase()) return 'password must differ from the username';
  return null;
}
