import type { IncomingHttpHeaders } from 'node:http';

// The few parts of Express's request and response this layer touches (`@types/express` is not installed).

export interface HttpRequest {
  method: string;
  url: string;
  originalUrl?: string;
  headers: IncomingHttpHeaders;
}

export interface HttpResponse {
  headersSent: boolean;
  status(code: number): HttpResponse;
  json(body: unknown): HttpResponse;
  setHeader(name: string, value: string): unknown;
}
