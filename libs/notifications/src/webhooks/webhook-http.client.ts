import { Injectable } from '@nestjs/common';

/** What one POST came to: an HTTP status, or an error before any status (refused, DNS, timeout, TLS…). */
export type PostResult = { statusCode: number } | { error: string };

/** Timeout of one delivery request. */
export const WEBHOOK_REQUEST_TIMEOUT_MS = 10_000;

/** The outbound HTTP of webhooks: one POST with Node's global fetch, nothing else. */
@Injectable()
export class WebhookHttpClient {
  async post(url: string, body: string, headers: Record<string, string>, timeoutMs = WEBHOOK_REQUEST_TIMEOUT_MS): Promise<PostResult> {
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
