import type { IncomingHttpHeaders } from 'node:http';

// The few parts of Express's request and response this layer touches (`@types/express` is not installed).

export interface HttpRequest {
  method: string;
  url: string;
  originalUrl?: string;
  ip?: string;
  headers: IncomingHttpHeaders;
  /** Path parameters as written (before any pipe). */
  params?: Record<string, string | undefined>;
  /** Set by the access guard on every authenticated request. */
  principal?: import('@charterflow/access').Principal;
}

export interface HttpResponse {
  headersSent: boolean;
  status(code: number): HttpResponse;
  json(body: unknown): HttpResponse;
  setHeader(name: string, value: string): unknown;
}
