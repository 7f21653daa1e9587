import { Injectable, Optional } from '@nestjs/common';
import { AppConfig } from '@charterflow/config';
import { privateTargetProblem } from './target-guard';

/** What one POST came to: an HTTP status, or an error before any status (refused, DNS, timeout, TLS…). */
export type PostResult = { statusCode: number } | { error: string };

/** Timeout of one delivery request. */
export const WEBHOOK_REQUEST_TIMEOUT_MS = 10_000;

/**
 * The outbound HTTP of webhooks: one POST with Node's global fetch, nothing else. Unless private targets are
 * allowed, the host is resolved first and a private, loopback or link-local address is refused (the delivery fails
 * like an unreachable receiver).
 */
@Injectable()
export class WebhookHttpClient {
  constructor(@Optional() private readonly config?: AppConfig) {}

  async post(url: string, body: string, headers: Record<string, string>, timeoutMs = WEBHOOK_REQUEST_TIMEOUT_MS): Promise<PostResult> {
    if (!this.config?.WEBHOOK_ALLOW_PRIVATE_TARGETS) {
      const problem = await privateTargetProblem(new URL(url).hostname);
      if (problem) return { error: `refused: ${problem}` };
    }
    try {
      const response = await fetch(url, {
        method: 'POST',
        body,
        headers,
        // A redirect is an answer, not a delivery: following it could send the signed payload to another host.
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      // Release the connection without reading what the receiver wrote.
      await response.body?.cancel().catch(() => undefined);
      return { statusCode: response.status };
    } catch (error) {
      return { error: describe(error) };
    }
  }
}

/** `fetch failed: connect ECONNREFUSED 127.0.0.1:9` rather than just `fetch failed`. */
function describe(error: unknown): string {
  // Duck-typed rather than `instanceof Error`: fetch's errors may come from another realm (e.g. under jest).
  const e = error as { name?: unknown; message?: unknown; cause?: unknown } | null;
  if (!e || typeof e !== 'object' || typeof e.message !== 'string') return String(error).slice(0, 500);
  if (e.name === 'TimeoutError') return `timeout: ${e.message}`;
  const cause = e.cause as { message?: unknown } | undefined;
  const detail = cause && typeof cause === 'object' && typeof cause.message === 'string' ? cause.message : cause ? String(cause) : '';
  return (detail ? `${e.message}: ${detail}` : e.message).slice(0, 500);
}
