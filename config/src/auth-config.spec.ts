import { ConfigValidationError, loadConfig } from './load-config';

function problems(env: NodeJS.ProcessEnv): { variable: string; message: string }[] {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigValidationError) return e.problems;
    throw e;
  }
  return [];
}

describe('authentication settings', () => {
  const secret = 'x'.repeat(32);

  it('defaults: one-hour tokens, lock after 5 failures for 15 minutes, CORS closed', () => {
    const c = loadConfig({});
    expect(c.JWT_SECRET).toBeUndefined();
    expect(c.ACCESS_TOKEN_TTL_SECONDS).toBe(3600);
    expect(c.LOGIN_MAX_FAILURES).toBe(5);
    expect(c.LOGIN_LOCK_SECONDS).toBe(900);
    expect(c.CORS_ORIGINS).toEqual([]);
  });

  it('JWT_SECRET is required in production and never echoed', () => {
    expect(problems({ NODE_ENV: 'production' })).toEqual([{ variable: 'JWT_SECRET', message: expect.stringMatching(/^is required when NODE_ENV=production/) }]);
    expect(problems({ NODE_ENV: 'production', JWT_SECRET: secret })).toEqual([]);
  });

  it('JWT_SECRET of 31 characters is refused, 32 accepted, and the value is not printed', () => {
    const short = 'y'.repeat(31);
    const found = problems({ JWT_SECRET: short });
    expect(found).toHaveLength(1);
    expect(found[0].variable).toBe('JWT_SECRET');
    expect(found[0].message).not.toContain(short);
    expect(problems({ JWT_SECRET: 'y'.repeat(32) })).toEqual([]);
  });

  it('token lifetime: at most a day in production, longer elsewhere (tests move the clock)', () => {
    expect(problems({ NODE_ENV: 'production', JWT_SECRET: secret, ACCESS_TOKEN_TTL_SECONDS: '86400' })).toEqual([]);
    expect(problems({ NODE_ENV: 'production', JWT_SECRET: secret, ACCESS_TOKEN_TTL_SECONDS: '86401' }).map((p) => p.variable)).toEqual(['ACCESS_TOKEN_TTL_SECONDS']);
    expect(loadConfig({ ACCESS_TOKEN_TTL_SECONDS: '86401' }).ACCESS_TOKEN_TTL_SECONDS).toBe(86401);
    expect(problems({ ACCESS_TOKEN_TTL_SECONDS: '59' }).map((p) => p.variable)).toEqual(['ACCESS_TOKEN_TTL_SECONDS']);
  });

  it('CORS_ORIGINS is a list of exact origins', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example.org, http://localhost:8080' }).CORS_ORIGINS).toEqual(['https://a.example.org', 'http://localhost:8080']);
    expect(problems({ CORS_ORIGINS: '*' }).map((p) => p.variable)).toEqual(['CORS_ORIGINS']);
  });
});
