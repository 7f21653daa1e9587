import { clearedSessionCookie, cookieValue, csrfTokenMatches, csrfTokenOf, needsCsrfCheck, sessionCookie, sessionCookieToken } from './browser-session';

const request = (headers: Record<string, string>) => ({ headers });

describe('browser session cookie and CSRF token', () => {
  it('reads one cookie among several, and nothing from a request without cookies', () => {
    expect(cookieValue(request({ cookie: 'a=1; cf_session=abc.def.ghi; b=2' }), 'cf_session')).toBe('abc.def.ghi');
    expect(cookieValue(request({ cookie: 'xcf_session=1' }), 'cf_session')).toBeUndefined();
    expect(cookieValue(request({}), 'cf_session')).toBeUndefined();
    expect(cookieValue(request({ cookie: 'cf_session=%E0%A4%A' }), 'cf_session')).toBeUndefined();
  });

  it('takes as a session token only what has the shape of one', () => {
    expect(sessionCookieToken(request({ cookie: 'cf_session=eyJh.eyJz.c2ln' }))).toBe('eyJh.eyJz.c2ln');
    expect(sessionCookieToken(request({ cookie: 'cf_session=' }))).toBeUndefined();
    expect(sessionCookieToken(request({ cookie: 'cf_session=a%20b' }))).toBeUndefined();
  });

  it('accepts exactly the session’s own CSRF token: not another session’s, not a prefix, not a longer one', () => {
    const token = csrfTokenOf('access.token.one');
    expect(token).not.toBe(csrfTokenOf('access.token.two'));
    expect(csrfTokenMatches(request({ 'x-csrf-token': token }), 'access.token.one')).toBe(true);
    expect(csrfTokenMatches(request({ 'x-csrf-token': csrfTokenOf('access.token.two') }), 'access.token.one')).toBe(false);
    expect(csrfTokenMatches(request({ 'x-csrf-token': token.slice(0, -1) }), 'access.token.one')).toBe(false);
    expect(csrfTokenMatches(request({ 'x-csrf-token': `${token}A` }), 'access.token.one')).toBe(false);
    expect(csrfTokenMatches(request({}), 'access.token.one')).toBe(false);
  });

  it('asks the token of writes only', () => {
    expect(['GET', 'HEAD', 'OPTIONS', 'get'].map(needsCsrfCheck)).toEqual([false, false, false, false]);
    expect(['POST', 'PUT', 'PATCH', 'DELETE'].map(needsCsrfCheck)).toEqual([true, true, true, true]);
  });

  it('sets the cookie HttpOnly, SameSite=Strict, on the whole site, for as long as the token lives; Secure in production only', () => {
    const now = new Date('2026-03-02T03:00:00Z');
    const expires = new Date('2026-03-02T04:00:00Z');
    expect(sessionCookie('t.o.k', expires, now, false)).toBe('cf_session=t.o.k; Path=/; HttpOnly; SameSite=Strict; Max-Age=3600');
    expect(sessionCookie('t.o.k', expires, now, true)).toBe('cf_session=t.o.k; Path=/; HttpOnly; SameSite=Strict; Max-Age=3600; Secure');
    expect(sessionCookie('t.o.k', now, expires, false)).toContain('Max-Age=0');
    expect(clearedSessionCookie(true)).toBe('cf_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Secure');
  });
});
