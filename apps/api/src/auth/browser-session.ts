import { createHash, timingSafeEqual } from 'node:crypto';
import { ForbiddenException } from '@nestjs/common';
import type { HttpRequest, HttpResponse } from '../common/http/http-types';

/**
 * Browser sessions of the staff application (ADR 0019): the access token travels in an HttpOnly, SameSite=Strict
 * cookie instead of an `Authorization` header, so that a report or a printable page opens in a new tab. A write
 * sent with the cookie must also carry `X-CSRF-Token`: a value derived from the token (a hash of it), which the page
 * receives in the body of `POST`/`GET /auth/session` and another site can neither read nor compute.
 */
export const SESSION_COOKIE = 'cf_session';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The value of one cookie of the request, or undefined. */
export function cookieValue(request: Pick<HttpRequest, 'headers'>, name: string): string | undefined {
  const header = request.headers.cookie;
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The access token of the session cookie, when it has the shape of one. */
export function sessionCookieToken(request: Pick<HttpRequest, 'headers'>): string | undefined {
  const value = cookieValue(request, SESSION_COOKIE);
  return value && /^[A-Za-z0-9._~+/=-]+$/.test(value) ? value : undefined;
}

/** The CSRF token of a session: a hash of its access token (unguessable without the HttpOnly cookie). */
export function csrfTokenOf(accessToken: string): string {
  return createHash('sha256').update(`charterflow-csrf:${accessToken}`).digest('base64url');
}

/** Whether the request's `X-CSRF-Token` is the one of the session token, compared in constant time. */
export function csrfTokenMatches(request: Pick<HttpRequest, 'headers'>, accessToken: string): boolean {
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== 'string') return false;
  const expected = Buffer.from(csrfTokenOf(accessToken));
  const given = Buffer.from(sent);
  return given.length === expected.length && timingSafeEqual(given, expected);
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

/** `Set-Cookie` for the session: HttpOnly, SameSite=Strict, Path=/, Secure in production, as long as the token. */
export function sessionCookie(accessToken: string, expiresAt: Date, now: Date, secure: boolean): string {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000));
  return [`${SESSION_COOKIE}=${encodeURIComponent(accessToken)}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${maxAge}`, ...(secure ? ['Secure'] : [])].join('; ');
}

/** `Set-Cookie` that removes the session cookie. */
export function clearedSessionCookie(secure: boolean): string {
  return [`${SESSION_COOKIE}=`, 'Path=/', 'HttpOnly', 'SameSite=Strict', 'Max-Age=0', 'Expires=Thu, 01 Jan 1970 00:00:00 GMT', ...(secure ? ['Secure'] : [])].join('; ');
}

export function setCookie(res: HttpResponse, value: string): void {
  res.setHeader('Set-Cookie', value);
}
