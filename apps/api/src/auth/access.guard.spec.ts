import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthService, Principal } from '@charterflow/access';
import { AppConfig } from '@charterflow/config';
import { FixedClock } from '@charterflow/kernel';
import { AccessGuard, bearerToken } from './access.guard';
import { Public, RequirePermission } from './access.decorators';

class Routes {
  undeclared() {}
  @Public()
  open() {}
  @RequirePermission('users.manage')
  manage() {}
}

const CONFIG = { isProduction: false } as AppConfig;

const PRINCIPAL: Principal = {
  userId: 'u',
  username: 'bithu',
  organisationId: 'cell',
  roles: ['cell_secretary'],
  sessionId: 's',
  scope: { organisationId: 'cell', pathPrefix: '/p/cell/' },
};

function contextFor(handler: keyof Routes, authorization?: string): { ctx: ExecutionContext; request: Record<string, unknown> } {
  const request: Record<string, unknown> = { method: 'GET', url: '/x', headers: authorization ? { authorization } : {} };
  const ctx = {
    getType: () => 'http',
    // The handler is only a key for the metadata reader; it is never called.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    getHandler: () => Routes.prototype[handler],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  return { ctx, request };
}

describe('AccessGuard', () => {
  const authenticate = jest.fn(async (token: string | undefined) => {
    if (token !== 'good') throw Object.assign(new Error('no'), { name: 'DomainException', code: 'UNAUTHENTICATED' });
    return PRINCIPAL;
  });
  const guard = new AccessGuard(new Reflector(), { authenticate } as unknown as AuthService, CONFIG, new FixedClock('2026-03-02T03:00:00.000Z'));

  it('refuses a route that declares neither @Public nor a permission, even with a valid token', async () => {
    await expect(guard.canActivate(contextFor('undeclared', 'Bearer good').ctx)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lets a public route through without a token', async () => {
    await expect(guard.canActivate(contextFor('open').ctx)).resolves.toBe(true);
  });

  it('puts the principal on the request when the roles allow the permission, refuses when they do not', async () => {
    const { ctx, request } = contextFor('manage', 'Bearer good');
    await expect(guard.canActivate(ctx)).rejects.toMatchObject({ code: 'FORBIDDEN', details: { permission: 'users.manage' } });
    expect(request.principal).toEqual(PRINCIPAL);
    const admin = new AccessGuard(new Reflector(), { authenticate: async () => ({ ...PRINCIPAL, roles: ['admin'] }) } as unknown as AuthService, CONFIG, new FixedClock('2026-03-02T03:00:00.000Z'));
    await expect(admin.canActivate(contextFor('manage', 'Bearer good').ctx)).resolves.toBe(true);
  });

  it('reads only a well-formed Bearer header', () => {
    const req = (authorization?: string) => ({ method: 'GET', url: '/', headers: authorization === undefined ? {} : { authorization } });
    expect(bearerToken(req('Bearer abc.def.ghi'))).toBe('abc.def.ghi');
    expect(bearerToken(req('bearer abc.def.ghi'))).toBe('abc.def.ghi');
    expect(bearerToken(req('Basic YWRtaW4='))).toBeUndefined();
    expect(bearerToken(req('Bearer two words'))).toBeUndefined();
    expect(bearerToken(req())).toBeUndefined();
  });
});
