import { createHmac, randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@charterflow/config';
import { Clock } from '@charterflow/kernel';

export const TOKEN_ISSUER = 'charterflow';
export const TOKEN_AUDIENCE = 'charterflow-api';

/** What an access token says. The session id (`sid`) is what revocation and every request check against. */
export interface AccessClaims {
  sub: string;
  sid: string;
  username: string;
  iat: number;
  exp: number;
}

export type TokenProblem = 'expired' | 'invalid';

/**
 * Signs and checks access tokens: JWT, HS256, with the issuer and audience pinned, times from the injected clock.
 * The key is JWT_SECRET; without one (outside production) a random key lives as long as the process.
 */
@Injectable()
export class TokenService {
  private readonly secret: string;

  constructor(
    private readonly jwt: JwtService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    if (config.JWT_SECRET) {
      this.secret = config.JWT_SECRET;
    } else {
      this.secret = randomBytes(48).toString('base64');
      new Logger(TokenService.name).warn('JWT_SECRET is not set: access tokens are signed with a random key and end when this process stops.');
    }
  }

  get ttlSeconds(): number {
    return this.config.ACCESS_TOKEN_TTL_SECONDS;
  }

  sign(claims: { userId: string; sessionId: string; username: string }): { token: string; issuedAt: Date; expiresAt: Date } {
    const issuedAt = this.clock.now();
    const iat = Math.floor(issuedAt.getTime() / 1000);
    const exp = iat + this.ttlSeconds;
    const payload: AccessClaims = { sub: claims.userId, sid: claims.sessionId, username: claims.username, iat, exp };
    const token = this.jwt.sign(payload, { secret: this.secret, algorithm: 'HS256', issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE });
    return { token, issuedAt, expiresAt: new Date(exp * 1000) };
  }

  /**
   * A value bound to one session that only this server can compute (HMAC-SHA256 of the session id under the signing
   * key): the same for every token the session is renewed with, so a browser's CSRF token outlives a renewal.
   */
  sessionTag(sessionId: string): string {
    return createHmac('sha256', this.secret).update(`charterflow-session-tag:${sessionId}`).digest('base64url');
  }

  /** The claims of a well-formed, correctly signed, unexpired token; otherwise why not. */
  verify(token: string): { ok: true; claims: AccessClaims } | { ok: false; problem: TokenProblem } {
    try {
      const claims = this.jwt.verify<AccessClaims>(token, {
        secret: this.secret,
        algorithms: ['HS256'],
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        clockTimestamp: Math.floor(this.clock.now().getTime() / 1000),
      });
      if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string') return { ok: false, problem: 'invalid' };
      return { ok: true, claims };
    } catch (e) {
      return { ok: false, problem: (e as { name?: string }).name === 'TokenExpiredError' ? 'expired' : 'invalid' };
    }
  }
}
