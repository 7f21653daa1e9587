import type { HttpRequest as Request } from '../common/http/http-types';
import type { Actor } from '@charterflow/cases';

/**
 * Who is acting on a request. The only place that knows how a request maps to an actor: until staff accounts and
 * login exist, every request acts as one unscoped staff member. Authentication will replace this function's body.
 */
export function actorFromRequest(_request: Request): Actor {
  return { kind: 'user', userId: null, username: 'staff', organisationId: null, roles: [] };
}
