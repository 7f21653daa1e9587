import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Principal } from '@charterflow/access';
import type { Scope } from '@charterflow/organisations';
import type { HttpRequest } from '../common/http/http-types';
import type { Actor } from '@charterflow/kernel';

function principalOf(ctx: ExecutionContext): Principal {
  const principal = ctx.switchToHttp().getRequest<HttpRequest>().principal;
  // The access guard runs before every handler that asks for these; a missing principal is a wiring bug.
  if (!principal) throw new Error('no principal on an authenticated route');
  return principal;
}

/** The signed-in account of the request. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => principalOf(ctx));

/** The subtree the signed-in account sees. */
export const CurrentScope = createParamDecorator((_: unknown, ctx: ExecutionContext): Scope => principalOf(ctx).scope);

/** The signed-in account as the actor recorded in a case's history: id, name, organisation and roles at that time. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const p = principalOf(ctx);
  return { kind: 'user', userId: p.userId, username: p.username, organisationId: p.organisationId, roles: [...p.roles] };
});
