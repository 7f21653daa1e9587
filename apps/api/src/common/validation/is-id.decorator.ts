import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsUUID } from 'class-validator';
import { canonicalId } from '@charterflow/kernel';

/**
 * A UUID in a body or query, read in its canonical lower-case spelling (see libs/kernel `canonicalId`); anything
 * else is refused by the validation that follows.
 */
export function IsId(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => canonicalId(value) ?? value),
    IsUUID(),
  );
}
