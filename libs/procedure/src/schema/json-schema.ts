import { z } from 'zod';
import { CANDIDATE_SCHEMA } from './candidate.schema';
import { EVENT_DEFINITIONS, EVENT_TYPES, EventType } from './events.schema';

/** A JSON Schema object (OpenAPI 3.0 dialect), with the `x-labels` of every field. */
export type JsonSchema = Record<string, unknown>;

/** The JSON Schema of a zod schema of ours, as the OpenAPI document (3.0) states it: what a client may send. */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' });
}

/** The component name of an event's schema in the OpenAPI document: `CellVoteRecordedEvent`. */
export function eventSchemaName(type: EventType): string {
  return `${type.toLowerCase().replace(/(^|_)([a-z])/g, (_m, _sep, ch: string) => ch.toUpperCase())}Event`;
}

/** Every event's JSON Schema by component name, in the procedure's order. */
export function eventJsonSchemas(): Record<string, JsonSchema> {
  return Object.fromEntries(EVENT_TYPES.map((type) => [eventSchemaName(type), { title: eventSchemaName(type), ...jsonSchemaOf(EVENT_DEFINITIONS[type].schema) }]));
}

export function candidateJsonSchema(): JsonSchema {
  return jsonSchemaOf(CANDIDATE_SCHEMA);
}
