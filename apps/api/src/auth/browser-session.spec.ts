import { clearedSessionCookie, cookieValue, csrfTokenMatches, isBackgroundRequest, needsCsrfCheck, sessionCookie, sessionCookieToken } from './browser-session';

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
    const token = 'c2Vzc2lvbi1vbmUtdGFn';
    expect(csrfTokenMatches(request({ 'x-csrf-token': token }), token)).toBe(true);
    expect(csrfTokenMatches(request({ 'x-csrf-token': 'c2Vzc2lvbi10d28tdGFn' }), token)).toBe(false);
    expect(csrfTokenMatches(request({ 'x-csrf-token': token.slice(0, -1) }), token)).toBe(false);
    expect(csrfTokenMatches(request({ 'x-csrf-token': `${token}A` }), token)).toBe(false);
    expect(csrfTokenMatches(request({}), token)).toBe(false);
  });

  it('tells the requests the page makes on its own by their header', () => {
    expect(isBackgroundRequest(request({ 'x-background-request': 'true' }))).toBe(true);
    expect(isBackgroundRequest(request({ 'x-background-request': 'false' }))).toBe(false);
    expect(isBackgroundRequest(request({}))).toBe(false);
  });

  it('asks the token of writes only', () => {
    expect(['GET', 'HEAD', 'OPTIONS', 'get'].map(needsCsrfCheck)).toEqual([false, false, false, false]);
    expect(['POST', 'PUT', 'PATCH', 'DELETE'].map(needsCsrfCheck)).toEqual([true, true, true, true]);
  });

  it('sets the cookie HttpOnly, SameSite=Strict, on the whole site, for as long as the token lives; Secure in production only', () => {
    const now = new Date('2026-03-02T03:00:00Z');
    const expires = new Date('2026-03-02T04:00:00Z');
    const parts = (cookie: string) => cookie.split('; ').sort();
    expect(parts(sessionCookie('t.o.k', expires, now, false))).toEqual(['HttpOnly', 'Max-Age=3600', 'Path=/', 'SameSite=Strict', 'cf_session=t.o.k']);
    expect(parts(sessionCookie('t.o.k', expires, now, true))).toEqual(['HttpOnly', 'Max-Age=3600', 'Path=/', 'SameSite=Strict', 'Secure', 'cf_session=t.o.k']);
    expect(sessionCookie('t.o.k', now, expires, false)).toContain('Max-Age=0');
    expect(parts(clearedSessionCookie(true))).toEqual(['Expires=Thu, 01 Jan 1970 00:00:00 GMT', 'HttpOnly', 'Max-Age=0', 'Path=/', 'SameSite=Strict', 'Secure', 'cf_session=']);
  });
});
