import { ParseUUIDPipe } from '@nestjs/common';
import { DomainException } from '@charterflow/database';

/** A path id that must be a UUID; anything else is `400 VALIDATION_FAILED` naming the parameter. */
export function uuidParam(name = 'id'): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () => DomainException.validation([{ field: name, message: `${name} must be a UUID` }]),
  });
}
