/** The body of every error answer (api.md "Errors"): `{ code, message, ... }`. */
export interface ErrorBody {
  code: string;
  message: string;
  [extra: string]: unknown;
}

/** Codes for errors raised by the HTTP layer itself rather than by a domain service. */
export const HTTP_ERROR_CODES: Readonly<Record<number, string>> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL',
  503: 'SERVICE_UNAVAILABLE',
};

export function codeForStatus(status: number): string {
  return HTTP_ERROR_CODES[status] ?? (status >= 500 ? 'INTERNAL' : 'BAD_REQUEST');
}
