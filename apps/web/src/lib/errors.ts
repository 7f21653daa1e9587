import { sourceVi } from '@charterflow/procedure';
import type { Lang } from './payload';
/** The error body of the API (api.md "Errors"): `{ code, message, ... }`. */
export interface ApiErrorBody {
  code?: string;
  message?: string;
  messageVi?: string;
  reason?: string;
  rule?: string;
  source?: string;
  retryAfterSeconds?: number;
  fields?: { field: string; message: string; messageVi?: string }[];
}

/** What to tell the clerk: a translation key with its values, or the server's own Vietnamese sentence. */
export type Explanation =
  | { kind: 'text'; vi: string }
  | { kind: 'key'; key: string; values?: Record<string, string | number> };

/**
 * An answer of the API in words for staff. A refusal by a rule carries its own Vietnamese sentence (`messageVi`) and
 * article; every other error is one of a few situations named in the translations, never the English message or a
 * code.
 */
export function explain(status: number, body: ApiErrorBody | null | undefined): Explanation {
  const b = body ?? {};
  if (b.messageVi && (b.code === 'RULE_VIOLATION' || b.code === 'CSRF_TOKEN_INVALID' || b.code === 'SERVICE_UNAVAILABLE')) {
    // A rule's sentence already ends with its article in Vietnamese ("(căn cứ …)").
    return { kind: 'text', vi: b.messageVi };
  }
  switch (b.code) {
    case 'UNAUTHENTICATED':
      if (b.reason === 'BAD_CREDENTIALS') return { kind: 'key', key: 'errors.badCredentials' };
      return { kind: 'key', key: 'errors.sessionEnded' };
    case 'TOO_MANY_REQUESTS':
      if (b.reason === 'LOGIN_LOCKED') return { kind: 'key', key: 'errors.locked', values: { minutes: Math.max(1, Math.ceil((b.retryAfterSeconds ?? 60) / 60)) } };
      return { kind: 'key', key: 'errors.tooMany', values: { seconds: b.retryAfterSeconds ?? 60 } };
    case 'VERSION_CONFLICT':
      return { kind: 'key', key: 'errors.conflict' };
    case 'EVENT_NOT_ALLOWED':
      return { kind: 'key', key: 'errors.notAllowed' };
    case 'FORBIDDEN':
      return { kind: 'key', key: 'errors.forbidden' };
    case 'NOT_FOUND':
      return { kind: 'key', key: 'errors.notFound' };
    case 'VALIDATION_FAILED':
      return { kind: 'key', key: 'errors.validation' };
    case 'RULE_VIOLATION':
      return { kind: 'key', key: 'errors.rule' };
    case 'CASE_BUSY':
    case 'SERVICE_UNAVAILABLE':
      return { kind: 'key', key: 'errors.unavailable' };
    default:
      return status === 0 ? { kind: 'key', key: 'errors.network' } : { kind: 'key', key: 'errors.unexpected' };
  }
}

/** What a VALIDATION_FAILED answer says, for staff, of one field (shown under that field); undefined when it names none. */
export function fieldProblemVi(body: ApiErrorBody | null | undefined, field: string): string | undefined {
  return body?.fields?.find((f) => f.field === field)?.messageVi;
}

/** The fields named by a VALIDATION_FAILED answer, by their path in the body (`sponsor.name`). */
export function fieldsInError(body: ApiErrorBody | null | undefined): string[] {
  return (body?.fields ?? []).map((f) => f.field.replace(/^body\./, ''));
}

/** The article a compliance check rests on, as staff read it: rendered in Vietnamese, or the source as written. */
export function basisText(source: string, lang: Lang): string {
  return lang === 'vi' ? sourceVi(source) : source;
}
