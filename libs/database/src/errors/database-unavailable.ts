/**
 * Whether an error means the database could not be reached or went away (as opposed to a statement it refused):
 * the answer to the client is then "unavailable, try again" (503), not a bug (500).
 *
 * Recognised: socket errors of the driver (connection refused, reset, timed out, host unreachable); the pool's
 * connection timeout and a connection terminated mid-query; and the server's own SQLSTATE classes 08 (connection
 * exception), 57P01–57P03 (shutting down, crashed, not accepting connections yet) and 53300 (too many connections).
 * TypeORM wraps driver errors (`driverError`); Node wraps some in `cause`.
 */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300']);
const MESSAGES = [/Connection terminated/i, /timeout exceeded when trying to connect/i, /Client has encountered a connection error/i, /Connection is not established/i, /Driver not Connected/i];

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const e = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (SOCKET_CODES.has(e.code) || SERVER_CODES.has(e.code) || /^08/.test(e.code))) return true;
  if (typeof e.message === 'string' && MESSAGES.some((m) => m.test(e.message as string))) return true;
  // AggregateError (a connect to several addresses, all refused) keeps the reasons in `errors`.
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(e.driverError, depth + 1) || isDatabaseUnavailable(e.cause, depth + 1);
}
