import { registerDecorator, ValidationOptions } from 'class-validator';
import { BUSINESS_YEAR_MAX, BUSINESS_YEAR_MIN, isBusinessDate } from '@charterflow/procedure';

/**
 * The value is a real calendar date written `YYYY-MM-DD` of the years 1900–2100 (2026-02-30 and 0000-01-01 are
 * refused). A birth date is one too: its lower bound is the same, and one after today is the engine's
 * DATE_IN_FUTURE refusal, judged against the injected clock.
 */
export function IsBusinessDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isBusinessDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `$property must be a real calendar date YYYY-MM-DD from ${BUSINESS_YEAR_MIN}-01-01 to ${BUSINESS_YEAR_MAX}-12-31`, ...options },
      validator: { validate: (value: unknown) => isBusinessDate(value) },
    });
  };
}
