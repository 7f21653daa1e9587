import { registerDecorator, ValidationOptions } from 'class-validator';
import { isBusinessDate } from '@charterflow/procedure';

/** The value is a real calendar date written `YYYY-MM-DD` (2026-02-30 is refused). */
export function IsBusinessDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isBusinessDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be a real calendar date YYYY-MM-DD', ...options },
      validator: { validate: (value: unknown) => isBusinessDate(value) },
    });
  };
}
