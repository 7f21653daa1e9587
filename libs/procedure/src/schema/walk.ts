import { z } from 'zod';
import type { FieldMeta } from './fields';

/**
 * A read of the schema's own structure (zod's definitions), for what is derived from it beyond validation: example
 * bodies, form fields, import columns. Only the kinds the field builders of fields.ts produce are known here; a new
 * kind fails loudly rather than being skipped.
 */
export type FieldShape =
  | { kind: 'text'; meta: FieldMeta }
  | { kind: 'date'; meta: FieldMeta }
  | { kind: 'count'; meta: FieldMeta }
  | { kind: 'flag'; meta: FieldMeta }
  | { kind: 'choice'; meta: FieldMeta; values: readonly string[] }
  | { kind: 'texts'; meta: FieldMeta }
  | { kind: 'group'; meta: FieldMeta; fields: readonly FieldEntry[] };

export interface FieldEntry {
  name: string;
  /** False when the field may be left out (optional, nullable or with a default). */
  required: boolean;
  shape: FieldShape;
}

/**
 * The fields of an object schema (an event's or a group's) that someone fills in, in declaration order: a fixed
 * value (an event's `type`) is not one of them.
 */
export function fieldsOf(schema: z.ZodObject): FieldEntry[] {
  return Object.entries(schema.shape)
    .filter(([, field]) => !(field instanceof z.ZodLiteral))
    .map(([name, field]) => entryOf(name, field as z.ZodType));
}

function entryOf(name: string, field: z.ZodType): FieldEntry {
  let inner = field;
  let required = true;
  // The labels may sit on a wrapper (`.default(null).meta(…)`) or on the value inside it (`text(…).nullish()`).
  let meta = labelled(inner);
  for (;;) {
    if (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable) {
      required = false;
      inner = inner.unwrap() as z.ZodType;
    } else if (inner instanceof z.ZodDefault) {
      required = false;
      inner = inner.unwrap() as z.ZodType;
    } else break;
    meta ??= labelled(inner);
  }
  if (!meta) throw new Error(`the field ${name} has no labels`);
  return { name, required, shape: shapeOf(name, inner, meta) };
}

function labelled(schema: z.ZodType): FieldMeta | undefined {
  const meta = z.globalRegistry.get(schema) as FieldMeta | undefined;
  return meta?.['x-labels'] ? meta : undefined;
}

function shapeOf(name: string, schema: z.ZodType, meta: FieldMeta): FieldShape {
  if (schema instanceof z.ZodString) return { kind: meta.format === 'date' ? 'date' : 'text', meta };
  if (schema instanceof z.ZodNumber) return { kind: 'count', meta };
  if (schema instanceof z.ZodBoolean) return { kind: 'flag', meta };
  if (schema instanceof z.ZodEnum) return { kind: 'choice', meta, values: schema.options as string[] };
  if (schema instanceof z.ZodArray) return { kind: 'texts', meta };
  if (schema instanceof z.ZodObject) return { kind: 'group', meta, fields: fieldsOf(schema) };
  throw new Error(`the field ${name} is of a kind the schema walk does not know`);
}

/**
 * A well-formed value of the fields: each field's declared example, else a plain value of its kind; dates are `on`.
 * Optional fields are left out; `blankTexts` leaves texts empty (a form to fill in). What the engine then thinks of the values (a vote that fails…) is not its concern.
 */
export function exampleOf(fields: readonly FieldEntry[], on: string, options: { blankTexts?: boolean } = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) if (f.required) out[f.name] = exampleValue(f.shape, on, options);
  return out;
}

function exampleValue(shape: FieldShape, on: string, options: { blankTexts?: boolean }): unknown {
  const example = shape.meta.example;
  switch (shape.kind) {
    case 'date':
      return on;
    case 'text':
      if (options.blankTexts) return '';
      return typeof example === 'string' ? example : shape.meta['x-labels'].vi;
    case 'count':
      return typeof example === 'number' ? example : 0;
    case 'flag':
      return false;
    case 'choice':
      return shape.values[0];
    case 'texts':
      return Array.isArray(example) && !options.blankTexts ? example : [];
    case 'group':
      return exampleOf(shape.fields, on, options);
  }
}
