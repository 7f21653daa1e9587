import { ValidationPipeOptions } from '@nestjs/common';
import { toFieldErrors } from './field-errors';
import { DomainException } from '@charterflow/kernel';

/** The one set of class-validator options used for every body, query and header DTO. */
export const VALIDATION_OPTIONS: ValidationPipeOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  transform: true,
  validationError: { target: false, value: false },
  exceptionFactory: (errors) => DomainException.validation(toFieldErrors(errors)),
};
