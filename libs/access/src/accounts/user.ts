import { Role } from '@charterflow/procedure';

/** A `users` row as the services use it. */
export interface UserRecord {
  id: string;
  username: string;
  fullName: string;
  title: string | null;
  organisationId: string | null;
  /** The current name of that organisation; null over the whole tree. */
  organisationName: string | null;
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
  /** The staff member's full name, as the application and the case histories show it. */
  fullName: string;
  /** The post held, e.g. "Bí thư chi bộ"; null when not given. */
  title: string | null;
  organisationId: string | null;
  /** The name of the organisation, so that no screen has to show its id; null over the whole tree. */
  organisationName: string | null;
  roles: Role[];
  createdAt: string;
  passwordChangedAt: string;
}

export function toUserView(u: UserRecord): UserView {
  return {
    id: u.id,
    username: u.username,
    fullName: u.fullName,
    title: u.title,
    organisationId: u.organisationId,
    organisationName: u.organisationName,
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

export const FULL_NAME_MAX_LENGTH = 200;
export const TITLE_MAX_LENGTH = 200;

/**
 * A person's name or title as stored: Unicode NFC (Vietnamese typed on some systems arrives with its tone marks as
 * separate combining characters; NFC makes "Nguyễn" one spelling and counts its letters as the reader does), every
 * run of white space (line breaks and tabs included) one space, trimmed. Anything not a string is returned as is for
 * the checks to refuse.
 */
export function normaliseName(value: unknown): unknown {
  return typeof value === 'string' ? value.normalize('NFC').replace(/\s+/gu, ' ').trim() : value;
}

/** Control characters other than white space (which `normaliseName` turns into spaces). */
const CONTROL = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

/**
 * Why `value` (already normalised) cannot be the account's full name (`required`) or title, or null. The messages
 * name the field, as the API's 400 does.
 */
export function nameProblem(field: 'fullName' | 'title', value: unknown): string | null {
  const max = field === 'fullName' ? FULL_NAME_MAX_LENGTH : TITLE_MAX_LENGTH;
  if (value === undefined || value === null) return `${field} is required`;
  if (typeof value !== 'string') return `${field} must be a string`;
  if (value.length === 0) return `${field} must not be empty`;
  if ([...value].length > max) return `${field} must be at most ${max} characters long`;
  if (CONTROL.test(value)) return `${field} must not contain control characters`;
  return null;
}
