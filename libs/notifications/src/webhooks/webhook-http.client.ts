import { LookupAddress } from 'node:dns';
import { Injectable, Logger, Optional } from '@nestjs/common';
import { AppConfig } from '@charterflow/config';
import { HostResolver, SystemHostResolver } from './host-resolver';
import { withoutBrackets } from './ip-address';
import { postPinned } from './pinned-request';
import { resolveDeliveryTarget } from './target-guard';

/** What one POST came to: an HTTP status, or an error before any status (refused, DNS, timeout, TLS…). */
export type PostResult = { statusCode: number } | { error: string };

/** Timeout of one delivery request, its name resolution included. */
export const WEBHOOK_REQUEST_TIMEOUT_MS = 10_000;

/**
 * The outbound HTTP of webhooks: one POST, nothing else. The host is resolved once per delivery; unless private
 * targets are allowed, a name resolving to any private, loopback or link-local address is refused (the delivery
 * fails like an unreachable receiver), and the request connects to the addresses that were checked, never to a
 * second resolution. What it answers ends up in the delivery log the webhook's owner reads, so it never names an
 * address the host resolved to.
 */
@Injectable()
export class WebhookHttpClient {
  private readonly logger = new Logger(WebhookHttpClient.name);
  private readonly resolver: HostResolver;

  constructor(@Optional() private readonly config?: AppConfig, @Optional() resolver?: HostResolver) {
    this.resolver = resolver ?? new SystemHostResolver();
  }

  async post(url: string, body: string, headers: Record<string, string>, timeoutMs = WEBHOOK_REQUEST_TIMEOUT_MS): Promise<PostResult> {
    const target = new URL(url);
    const signal = AbortSignal.timeout(timeoutMs);
    let resolved: readonly LookupAddress[] = [];
    try {
      const decision = await untilAborted(resolveDeliveryTarget(target.hostname, this.resolver, this.config?.WEBHOOK_ALLOW_PRIVATE_TARGETS ?? false), signal);
      if ('refused' in decision) {
        if (decision.privateAddress) this.logger.debug({ host: target.hostname, address: decision.privateAddress }, 'webhook host resolves to a private address');
        return { error: `refused: ${decision.refused}` };
      }
      resolved = decision.addresses;
      return { statusCode: await postPinned(target, resolved, body, headers, signal) };
    } catch (error) {
      if (signal.aborted) return { error: `timeout: no answer within ${timeoutMs} ms` };
      return { error: describe(error, target, resolved) };
    }
  }
}

/** `promise`, or a rejection as soon as `signal` aborts (a resolution that hangs must not outlast the timeout). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

/**
 * The error as the owner's delivery log shows it: `connect ECONNREFUSED hooks.example.vn:8443`, naming the URL's
 * host where Node would name the address it connected to; any other message has the resolved addresses replaced
 * by the host too.
 */
function describe(error: unknown, target: URL, resolved: readonly LookupAddress[]): string {
  return withoutAddresses(summary(error, target), resolved, target.hostname).slice(0, 500);
}

function summary(error: unknown, target: URL): string {
  // Duck-typed rather than `instanceof Error`: errors may come from another realm (e.g. under jest).
  const e = error as { message?: unknown; code?: unknown; syscall?: unknown; cause?: unknown } | null;
  if (!e || typeof e !== 'object' || typeof e.message !== 'string') return String(error);
  // System errors (connect, getaddrinfo, read…) carry the address in their message: rebuild it from the host.
  if (typeof e.syscall === 'string' && typeof e.code === 'string') return `${e.syscall} ${e.code} ${target.host}`;
  const cause: unknown = e.cause;
  const detail = typeof cause === 'object' && cause !== null && typeof (cause as { message?: unknown }).message === 'string' ? (cause as { message: string }).message : typeof cause === 'string' ? cause : '';
  return detail ? `${e.message}: ${detail}` : e.message;
}

function withoutAddresses(text: string, resolved: readonly LookupAddress[], hostname: string): string {
  const literal = withoutBrackets(hostname); // an address the owner wrote in the URL is theirs already
  return resolved.reduce((out, { address }) => (address === literal ? out : out.split(address).join(hostname)), text);
}
