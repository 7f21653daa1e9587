import { timingSafeEqual } from 'node:crypto';
import { parseCookie, stringifySetCookie } from 'cookie';
import { ForbiddenException } from '@nestjs/common';
import type { HttpRequest, HttpResponse } from '../common/http/http-types';

/**
 * Browser sessions of the staff application (ADR 0019): the access token travels in an HttpOnly, SameSite=Strict
 * cookie instead of an `Authorization` header, so that a report or a printable page opens in a new tab. A write
 * sent with the cookie must also carry `X-CSRF-Token`: a value bound to the session (`AuthService.csrfTokenOf`),
 * which the page receives in the body of `POST`/`GET /auth/session` and another site can neither read nor compute.
 * Once half of the token's life has passed, a request the clerk makes renews the cookie (`AuthService.renewal`).
 */
export const SESSION_COOKIE = 'cf_session';
export const CSRF_HEADER = 'x-csrf-token';
/** Sent (`true`) by the page with the requests it makes on its own, which do not renew the session. */
export const BACKGROUND_HEADER = 'x-background-request';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The value of one cookie of the request, or undefined (also when it is not valid percent-encoding). */
export function cookieValue(request: Pick<HttpRequest, 'headers'>, name: string): string | undefined {
  const header = request.headers.cookie;
  if (typeof header !== 'string') return undefined;
  return parseCookie(header, { decode: decodedOrUndefined })[name];
}

function decodedOrUndefined(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/** The access token of the session cookie, when it has the shape of one. */
export function sessionCookieToken(request: Pick<HttpRequest, 'headers'>): string | undefined {
  const value = cookieValue(request, SESSION_COOKIE);
  return value && /^[A-Za-z0-9._~+/=-]+$/.test(value) ? value : undefined;
}

/**
 * Whether a request is one the page makes on its own (the inbox count refreshed every minute), which does not
 * renew the session: only what the clerk does keeps the session alive.
 */
export function isBackgroundRequest(request: Pick<HttpRequest, 'headers'>): boolean {
  return request.headers[BACKGROUND_HEADER] === 'true';
}

/** Whether the request's `X-CSRF-Token` is the session's own (`AuthService.csrfTokenOf`), compared in constant time. */
export function csrfTokenMatches(request: Pick<HttpRequest, 'headers'>, expected: string): boolean {
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== 'string') return false;
  const wanted = Buffer.from(expected);
  const given = Buffer.from(sent);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/** Whether a request authenticated by the cookie must prove it comes from our own page. */
export function needsCsrfCheck(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

export function csrfRefusal(): ForbiddenException {
  return new ForbiddenException({
    code: 'CSRF_TOKEN_INVALID',
    message: 'A change sent with the session cookie needs the header X-CSRF-Token of this session.',
    messageVi: 'Yêu cầu không được xác thực từ trang làm việc; vui lòng tải lại trang và thử lại.',
  });
}

const COOKIE_ATTRIBUTES = { path: '/', httpOnly: true, sameSite: 'strict' } as const;

/** `Set-Cookie` for the session: HttpOnly, SameSite=Strict, Path=/, Secure in production, as long as the token. */
export function sessionCookie(accessToken: string, expiresAt: Date, now: Date, secure: boolean): string {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000));
  return stringifySetCookie({ name: SESSION_COOKIE, value: accessToken, maxAge, secure, ...COOKIE_ATTRIBUTES });
}

/** `Set-Cookie` that removes the session cookie. */
export function clearedSessionCookie(secure: boolean): string {
  return stringifySetCookie({ name: SESSION_COOKIE, value: '', maxAge: 0, expires: new Date(0), secure, ...COOKIE_ATTRIBUTES });
}

export function setCookie(res: HttpResponse, value: string): void {
  res.setHeader('Set-Cookie', value);
}
