import { z } from 'zod';
import { isBusinessDate } from '../calendar/business-date';

/**
 * The building blocks of the event schema (schema/events.schema.ts): each field is a zod schema carrying its
 * Vietnamese and English labels. From one declaration follow the TypeScript type (`z.output`), the validation of a
 * request or an import row, the JSON Schema of the OpenAPI document (the labels travel as `x-labels`, enum values'
 * labels as `x-enum-labels`) and the forms of the staff application.
 */

/** A name in both languages staff and developers read: Vietnamese first. */
export interface Label {
  vi: string;
  en: string;
}

/** What each field says of itself in the JSON Schema, beside its type. */
export type FieldMeta = {
  'x-labels': Label;
  'x-enum-labels'?: Record<string, Label>;
  /** Help shown under a form field, in both languages. */
  'x-help'?: Label;
  /** The value is the id of an organisation of one of these kinds: forms offer the units by name, never the id. */
  'x-organisation-kinds'?: readonly string[];
  description?: string;
  example?: unknown;
  format?: string;
};

function meta(label: Label, extra: Omit<FieldMeta, 'x-labels'> = {}): FieldMeta {
  return { 'x-labels': label, ...extra, ...(extra.description === undefined ? { description: label.en } : {}) };
}

/** A short non-empty text: a name, a document number, a reference, a reason. */
export function text(label: Label, options: { max?: number; example?: string; help?: Label } = {}) {
  const max = options.max ?? 200;
  return z
    .string()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` })
    .meta(meta(label, { example: options.example, ...(options.help ? { 'x-help': options.help } : {}) }));
}

/**
 * The id of an organisation of one of `kinds` (a transfer's destination cell). Validated as a text here; whether it is
 * such an organisation is the service's to say. Forms show the units by name.
 */
export function organisation(label: Label, kinds: readonly string[], options: { help?: Label } = {}) {
  return z
    .string()
    .min(1, { error: 'must not be empty' })
    .max(64, { error: 'must be at most 64 characters' })
    .meta(meta(label, { format: 'uuid', example: '00000000-0000-4000-8000-000000000000', 'x-organisation-kinds': kinds, ...(options.help ? { 'x-help': options.help } : {}) }));
}

/** A business date, `YYYY-MM-DD`, a real calendar date of the years the procedure records (1900–2100). */
export function date(label: Label, options: { help?: Label; example?: string } = {}) {
  return z
    .string({ error: 'must be a date YYYY-MM-DD' })
    .refine(isBusinessDate, { error: 'must be a real calendar date YYYY-MM-DD of the years 1900–2100' })
    .meta(meta(label, { format: 'date', example: options.example, ...(options.help ? { 'x-help': options.help } : {}) }));
}

/**
 * A count of people (members, votes). Only a whole number is asked for here: whether counts make sense together
 * (none negative, no more in favour than voters…) is the procedure's VOTE_COUNTS_INVALID rule, answered 422.
 */
export function count(label: Label, options: { example?: number; help?: Label } = {}) {
  return z
    .int({ error: 'must be a whole number' })
    .meta(meta(label, { example: options.example, ...(options.help ? { 'x-help': options.help } : {}) }));
}

/** Yes or no. */
export function flag(label: Label, options: { help?: Label } = {}) {
  return z.boolean({ error: 'must be true or false' }).meta(meta(label, options.help ? { 'x-help': options.help } : {}));
}

/** One of a fixed list of values, each with its labels. */
export function choice<const T extends readonly [string, ...string[]]>(values: T, label: Label, labels: { readonly [K in T[number]]: Label }, options: { help?: Label } = {}) {
  return z
    .enum(values, { error: `must be one of ${values.join(', ')}` })
    .meta(meta(label, { 'x-enum-labels': { ...labels }, ...(options.help ? { 'x-help': options.help } : {}) }));
}

/** A list of texts. */
export function texts(label: Label, options: { maxItems?: number; maxLength?: number; example?: string[] } = {}) {
  const maxItems = options.maxItems ?? 50;
  const item = z.string().min(1, { error: 'must not be empty' }).max(options.maxLength ?? 300, { error: `must be at most ${options.maxLength ?? 300} characters` });
  return z.array(item, { error: 'must be a list' }).max(maxItems, { error: `must hold at most ${maxItems} items` }).meta(meta(label, { example: options.example }));
}

/** A group of fields (a sponsor, a helper): no field beyond those declared. */
export function group<S extends z.core.$ZodLooseShape>(label: Label, shape: S) {
  return z.strictObject(shape, { error: 'must be an object' }).meta(meta(label));
}
