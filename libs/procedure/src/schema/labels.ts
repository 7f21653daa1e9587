import { z } from 'zod';
import { EVENT_DEFINITIONS, EVENT_TYPES, EventType } from './events.schema';
import { FieldMeta, Label } from './fields';
import { FieldEntry, fieldsOf } from './walk';

/**
 * Field names as staff read them, taken from the schema's own labels: a refusal or a validation error names
 * `candidate.dateOfBirth` as «Ngày sinh», never by its id.
 */

/** `candidate.dateOfBirth`, `organisations[1]` (how the API names a field) as the keys of the path. */
export function pathKeys(path: string): PropertyKey[] {
  return path
    .split(/\.|(?=\[)/)
    .filter((k) => k.length > 0)
    .map((k) => (/^\[\d+\]$/.test(k) ? Number(k.slice(1, -1)) : k));
}

/** The Vietnamese label of a field of an event (`occurredOn` is the event's own date label), or undefined. */
export function fieldLabelVi(type: EventType, path: string): string | undefined {
  const definition = EVENT_DEFINITIONS[type] as (typeof EVENT_DEFINITIONS)[EventType] | undefined;
  return definition ? declaredField(definition.schema, pathKeys(path))?.label.vi : undefined;
}

/** Every field name the event schema declares, at any depth: the ids a staff message must not show. */
export function schemaFieldNames(): string[] {
  const names = new Set<string>();
  const visit = (fields: readonly FieldEntry[]): void => {
    for (const f of fields) {
      names.add(f.name);
      if (f.shape.kind === 'group') visit(f.shape.fields);
    }
  };
  for (const type of EVENT_TYPES) visit(fieldsOf(EVENT_DEFINITIONS[type].schema));
  return [...names];
}

/** Every value of a choice field the schema declares (`youth_union`, `recognise`, `lower_secondary`…). */
export function schemaChoiceValues(): string[] {
  const values = new Set<string>();
  const visit = (fields: readonly FieldEntry[]): void => {
    for (const f of fields) {
      if (f.shape.kind === 'choice') f.shape.values.forEach((v) => values.add(v));
      if (f.shape.kind === 'group') visit(f.shape.fields);
    }
  };
  for (const type of EVENT_TYPES) visit(fieldsOf(EVENT_DEFINITIONS[type].schema));
  return [...values];
}

function unwrapped(schema: z.ZodType): { inner: z.ZodType; meta: FieldMeta | undefined } {
  let inner = schema;
  let meta = metaOf(inner);
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable || inner instanceof z.ZodDefault) {
    inner = inner.unwrap() as z.ZodType;
    meta ??= metaOf(inner);
  }
  return { inner, meta };
}

function metaOf(schema: z.ZodType): FieldMeta | undefined {
  const meta = z.globalRegistry.get(schema) as FieldMeta | undefined;
  return meta?.['x-labels'] ? meta : undefined;
}

/**
 * The declaration of the field at `path` (as zod reports an issue's path) inside any schema, also one built around
 * the declared fields (a request body): its labels and whether it is a date. An item of a list answers with the
 * list's labels. Undefined when a key is not declared or carries no labels.
 */
export function declaredField(schema: z.ZodType, path: readonly PropertyKey[]): { label: Label; date: boolean } | undefined {
  let at = unwrapped(schema);
  let meta: FieldMeta | undefined;
  for (const key of path) {
    if (typeof key === 'number' && at.inner instanceof z.ZodArray) {
      at = unwrapped(at.inner.element as z.ZodType);
      meta = at.meta ?? meta;
    } else if (typeof key === 'string' && at.inner instanceof z.ZodObject) {
      const field = (at.inner.shape as Record<string, z.ZodType | undefined>)[key];
      if (!field) return undefined;
      at = unwrapped(field);
      meta = at.meta;
    } else {
      return undefined;
    }
  }
  return meta ? { label: meta['x-labels'], date: meta.format === 'date' } : undefined;
}
