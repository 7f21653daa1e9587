import { Role, ROLES } from '@charterflow/procedure';

/**
 * Which roles may call each kind of endpoint (the first of the two authorisation tables; the second,
 * `EVENT_PERMISSIONS` in libs/procedure, says which body records each event of a case). Every API route names one
 * of these permissions or is explicitly public; a route naming neither is refused (deny by default). What a
 * permission lets an account touch is always limited to its subtree by the services.
 */
const EVERY_ROLE: readonly Role[] = ROLES;
const WRITERS: readonly Role[] = ['cell_secretary', 'grassroots_officer', 'superior_officer', 'admin'];

export const ROUTE_PERMISSIONS = {
  /** Any signed-in account: its own session, password and profile. */
  'session': EVERY_ROLE,
  'cases.read': EVERY_ROLE,
  /** Opening a case; which body may open it is decided per cell (OPEN_CASE_LEVELS). */
  'cases.open': ['cell_secretary', 'grassroots_officer', 'admin'],
  /** Recording an event; which body may record it is decided per event (EVENT_PERMISSIONS). */
  'cases.record': WRITERS,
  'organisations.read': EVERY_ROLE,
  'organisations.manage': ['admin'],
  'users.read': ['admin'],
  'users.manage': ['admin'],
  'calendar.read': EVERY_ROLE,
  'calendar.manage': ['admin'],
  'notifications.read': EVERY_ROLE,
  /** Marking a notification read changes it: not for inspectors, who write nothing. */
  'notifications.mark': WRITERS,
  'webhooks.read': ['grassroots_officer', 'superior_officer', 'inspector', 'admin'],
  'webhooks.manage': ['grassroots_officer', 'superior_officer', 'admin'],
  /** Compliance audit, statistics and reports of the subtree. */
  'audit.read': EVERY_ROLE,
  /** Admission targets of the organisations below (plans are broken down by the committees above). */
  'targets.manage': ['grassroots_officer', 'superior_officer', 'admin'],
  /** Bulk import of cases already under way: a back-office operation. */
  'imports.run': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type RoutePermission = keyof typeof ROUTE_PERMISSIONS;

/** Whether an account holding `roles` may call an endpoint needing `permission`. */
export function rolesAllow(roles: readonly string[], permission: RoutePermission): boolean {
  const allowed: readonly string[] = ROUTE_PERMISSIONS[permission];
  return roles.some((r) => allowed.includes(r));
}
