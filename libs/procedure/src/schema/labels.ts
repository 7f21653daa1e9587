import { z } from 'zod';
import { EVENT_DEFINITIONS, EVENT_TYPES, EventType } from './events.schema';
import { Label } from './fields';
import { FieldEntry, fieldsOf } from './walk';

/**
 * Field names as staff read them, taken from the schema's own labels: a refusal or a validation error names
 * `candidate.dateOfBirth` as «Ngày sinh», never by its id.
 */

/** The labels of the field at `path` (`sponsor.togetherSince`, `organisations[1]`) of an object schema, if declared. */
export function labelAt(schema: z.ZodObject, path: string): Label | undefined {
  const keys = path
    .replace(/\[\d+\]/g, '')
    .split('.')
    .filter((k) => k.length > 0);
  let fields: readonly FieldEntry[] = fieldsOf(schema);
  let label: Label | undefined;
  for (const key of keys) {
    const entry = fields.find((f) => f.name === key);
    if (!entry) return undefined;
    label = entry.shape.meta['x-labels'];
    fields = entry.shape.kind === 'group' ? entry.shape.fields : [];
  }
  return label;
}

/** The Vietnamese label of a field of an event (`occurredOn` is the event's own date label), or undefined. */
export function fieldLabelVi(type: EventType, path: string): string | undefined {
  const definition = EVENT_DEFINITIONS[type] as (typeof EVENT_DEFINITIONS)[EventType] | undefined;
  return definition ? labelAt(definition.schema as unknown as z.ZodObject, path)?.vi : undefined;
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
  for (const type of EVENT_TYPES) visit(fieldsOf(EVENT_DEFINITIONS[type].schema as unknown as z.ZodObject));
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
  for (const type of EVENT_TYPES) visit(fieldsOf(EVENT_DEFINITIONS[type].schema as unknown as z.ZodObject));
  return [...values];
}
