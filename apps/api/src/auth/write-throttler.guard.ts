import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import type { HttpRequest } from '../common/http/http-types';
import { DomainException } from '@charterflow/kernel';

export const LOGIN_THROTTLER = 'login';
export const WRITE_THROTTLER = 'writes';

/**
 * Rate limits (after the access guard, so a write is counted against its account): logins per client address,
 * writes per account. Reads are not limited. An exceeded limit answers 429 TOO_MANY_REQUESTS with Retry-After.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const request = req as unknown as HttpRequest;
    return request.principal ? `user:${request.principal.userId}` : `ip:${request.ip ?? 'unknown'}`;
  }

  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const seconds = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    throw new DomainException('TOO_MANY_REQUESTS', `Too many requests; try again in ${seconds} s.`, { reason: 'RATE_LIMITED', retryAfterSeconds: seconds });
  }
}
