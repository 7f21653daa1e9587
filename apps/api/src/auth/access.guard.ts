import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthService, rolesAllow, RoutePermission } from '@charterflow/access';
import { AppConfig } from '@charterflow/config';
import type { HttpRequest, HttpResponse } from '../common/http/http-types';
import { PUBLIC_ROUTE, ROUTE_PERMISSION } from './access.decorators';
import { csrfRefusal, csrfTokenMatches, isBackgroundRequest, needsCsrfCheck, sessionCookie, sessionCookieToken, setCookie } from './browser-session';
import { Clock, DomainException } from '@charterflow/kernel';

/**
 * The one gate of every route (a global guard). Deny by default: a route is either `@Public()` or names a
 * permission with `@RequirePermission(...)`; anything else is refused. A permission needs a valid access token of a
 * live account holding one of the roles `ROUTE_PERMISSIONS` lists: `Authorization: Bearer`, or else the browser
 * session cookie, with which a write must also carry the session's `X-CSRF-Token` (browser-session.ts); what the account may then touch is limited to
 * its subtree by the services (and, for case events, by `EVENT_PERMISSIONS`). A request of the clerk's authenticated
 * by the cookie past half of its token's life gets a renewed cookie in its answer.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const permission = this.reflector.getAllAndOverride<RoutePermission | undefined>(ROUTE_PERMISSION, targets);
    const request = context.switchToHttp().getRequest<HttpRequest>();
    if (!permission) {
      this.logger.error(`Route ${request.method} ${request.url} declares no permission: refused.`);
      throw new DomainException('FORBIDDEN', 'This route is not open to any role.', { permission: null });
    }
    const bearer = bearerToken(request);
    const cookie = bearer ? undefined : sessionCookieToken(request);
    const principal = await this.auth.authenticate(bearer ?? cookie);
    if (cookie && needsCsrfCheck(request.method) && !csrfTokenMatches(request, this.auth.csrfTokenOf(principal))) throw csrfRefusal();
    request.principal = principal;
    if (!rolesAllow(principal.roles, permission)) {
      throw new DomainException('FORBIDDEN', `Your roles (${principal.roles.join(', ')}) do not include the permission ${permission}.`, { permission });
    }
    if (cookie && !isBackgroundRequest(request)) {
      const renewed = await this.auth.renewal(cookie, principal);
      if (renewed) {
        const response = context.switchToHttp().getResponse<HttpResponse>();
        setCookie(response, sessionCookie(renewed.accessToken, renewed.expiresAt, this.clock.now(), this.config.isProduction));
      }
    }
    return true;
  }
}

/** The token of `Authorization: Bearer <token>`, or undefined. */
export function bearerToken(request: HttpRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(header);
  return match ? match[1] : undefined;
}
