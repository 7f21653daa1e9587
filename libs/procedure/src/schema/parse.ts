import { z } from 'zod';
import type { FieldError } from '@charterflow/kernel';
import { Candidate, CANDIDATE_SCHEMA } from './candidate.schema';
import { DomainEvent, EVENT_DEFINITIONS, EVENT_TYPES, EventType } from './events.schema';
import { declaredField } from './labels';
import { BUSINESS_YEAR_MAX, BUSINESS_YEAR_MIN } from '../calendar/business-date';

/** A value read against the schema: the typed value, or every field that is wrong. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; fields: FieldError[] };

export function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && (EVENT_TYPES as readonly string[]).includes(value);
}

/**
 * Reads an event (the body of `POST /cases/{id}/events`, or a step built from an import row) against its type's
 * schema: first `type` must name an event, then the body must hold exactly that event's fields. Whether the step
 * is allowed is the engine's to judge; this only says the event is well formed.
 */
export function parseEvent(body: unknown): Parsed<DomainEvent> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, fields: [{ field: 'body', message: 'body must be a JSON object with type and occurredOn' }] };
  }
  const type = (body as { type?: unknown }).type;
  if (!isEventType(type)) return { ok: false, fields: [{ field: 'type', message: `type must be one of ${EVENT_TYPES.join(', ')}` }] };
  return read(EVENT_DEFINITIONS[type].schema, body);
}

/** Reads a candidate record against the candidate schema; `prefix` names where it sits (e.g. `candidate`). */
export function parseCandidate(value: unknown, prefix = 'candidate'): Parsed<Candidate> {
  const parsed = read(CANDIDATE_SCHEMA, value);
  return parsed.ok ? parsed : { ok: false, fields: parsed.fields.map((f) => ({ ...f, field: f.field === 'body' ? prefix : `${prefix}.${f.field}` })) };
}

/** Reads `value` with `schema`, answering the problems as `{ field, message }` with full paths. */
export function read<S extends z.ZodType>(schema: S, value: unknown): Parsed<z.output<S>> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, fields: result.error.issues.flatMap((issue) => toFieldErrors(issue, value, schema)) };
}

/** `candidate.dateOfBirth`, `organisations[1]`: how the API names a field. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || 'body';
}

/** The value at `path` inside `value`, or undefined when it is not there. */
function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let at = value;
  for (const key of path) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

/** What is wrong with a declared field, for staff: the label first, then the problem in plain Vietnamese. */
function problemVi(issue: z.core.$ZodIssue, missing: boolean, date: boolean): string {
  if (missing) return 'chưa được nhập';
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int' || issue.expected === 'number') return 'phải là một số nguyên';
      if (issue.expected === 'boolean') return 'phải là Có hoặc Không';
      if (issue.expected === 'array') return 'phải là một danh sách';
      return date ? 'phải là một ngày' : 'không đúng dạng';
    case 'custom':
      return date ? `không phải là một ngày có thật trong các năm ${BUSINESS_YEAR_MIN}–${BUSINESS_YEAR_MAX}` : 'không hợp lệ';
    case 'too_small':
      return 'không được để trống';
    case 'too_big':
      return issue.origin === 'array' ? `có quá nhiều mục (tối đa ${String(issue.maximum)})` : `quá dài (tối đa ${String(issue.maximum)} ký tự)`;
    case 'invalid_value':
      return 'không thuộc các lựa chọn cho phép';
    default:
      return 'không hợp lệ';
  }
}

function toFieldErrors(issue: z.core.$ZodIssue, input: unknown, schema: z.ZodType): FieldError[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ field: fieldPath([...issue.path, key]), message: `${fieldPath([...issue.path, key])} is not a field of this ${issue.path.length ? 'object' : 'event'}` }));
  }
  const field = fieldPath(issue.path);
  const missing = (issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.path.length > 0 && valueAt(input, issue.path) === undefined;
  const declared = issue.path.length ? declaredField(schema, issue.path) : undefined;
  return [
    {
      field,
      message: missing ? `${field} is required` : `${field} ${issue.message}`,
      ...(declared ? { labelVi: declared.label.vi, messageVi: `«${declared.label.vi}» ${problemVi(issue, missing, declared.date)}` } : {}),
    },
  ];
}
