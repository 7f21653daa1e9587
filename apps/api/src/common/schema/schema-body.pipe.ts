import { PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import { read } from '@charterflow/procedure';
import { DomainException } from '@charterflow/kernel';

/**
 * Reads a request body with a schema declared in libs/procedure (or built from its parts): the typed value, or
 * `400 VALIDATION_FAILED` naming every wrong field. The global ValidationPipe leaves such a body alone (its
 * parameter type is not a class).
 */
export class SchemaBodyPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(private readonly schema: S) {}

  transform(body: unknown): z.output<S> {
    const parsed = read(this.schema, body);
    if (!parsed.ok) throw DomainException.validation(parsed.fields);
    return parsed.value;
  }
}
