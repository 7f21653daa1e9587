import { OpenAPIObject } from '@nestjs/swagger';
import { JsonSchema } from '@charterflow/procedure';

/**
 * Schemas of the OpenAPI document that come from the procedure's declarations (zod → JSON Schema) rather than from
 * DTO classes: registered here by name, added to the document by `setupOpenApi`, referenced with `schemaRef`.
 */
const COMPONENTS = new Map<string, () => JsonSchema>();

export function registerSchemaComponent(name: string, schema: () => JsonSchema): void {
  COMPONENTS.set(name, schema);
}

export function schemaRef(name: string): { $ref: string } {
  return { $ref: `#/components/schemas/${name}` };
}

/** Adds every registered schema to the document's components. */
export function addSchemaComponents(document: OpenAPIObject): void {
  document.components ??= {};
  document.components.schemas ??= {};
  for (const [name, schema] of COMPONENTS) document.components.schemas[name] = schema();
}
