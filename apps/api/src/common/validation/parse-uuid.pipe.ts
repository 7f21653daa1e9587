import { PipeTransform } from '@nestjs/common';
import { canonicalId, DomainException } from '@charterflow/kernel';

/**
 * A path id that must be a UUID, handed on in its canonical lower-case spelling (so that `/cases/ABC…` and
 * `/cases/abc…` are one case to everything behind the controller); anything else is `400 VALIDATION_FAILED` naming
 * the parameter.
 */
class ParseIdPipe implements PipeTransform<unknown, string> {
  constructor(private readonly name: string) {}

  transform(value: unknown): string {
    const id = canonicalId(value);
    if (id === null) throw DomainException.validation([{ field: this.name, message: `${this.name} must be a UUID` }]);
    return id;
  }
}

export function uuidParam(name = 'id'): PipeTransform<unknown, string> {
  return new ParseIdPipe(name);
}
