import { type BodyKind, ROLE_BODY_KINDS, ROLES, type Role } from '@charterflow/procedure';

/** The roles an account of a unit of this kind may hold (the procedure's table; null: the whole tree). */
export function rolesFor(kind: BodyKind | null): Role[] {
  if (kind === null) return ['admin', 'inspector'];
  return ROLES.filter((role) => ROLE_BODY_KINDS[role].includes(kind));
}
