import { Injectable, PipeTransform } from '@nestjs/common';
import { instanceToPlain, plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DomainEvent, EVENT_TYPES, EventType } from '@charterflow/procedure';
import { toFieldErrors } from '../../common/validation/field-errors';
import { VALIDATION_OPTIONS } from '../../common/validation/validation.options';
import { EVENT_DTOS } from './event-dtos';
import { DomainException } from '@charterflow/kernel';

function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && (EVENT_TYPES as readonly string[]).includes(value);
}

/**
 * Turns the body of `POST /cases/{id}/events` into a typed event: first `type` must name an event, then the body
 * must match that type's DTO exactly (unknown fields refused). Everything else is the procedure's to judge.
 */
@Injectable()
export class EventBodyPipe implements PipeTransform<unknown, DomainEvent> {
  transform(body: unknown): DomainEvent {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw DomainException.validation([{ field: 'body', message: 'body must be a JSON object with type and occurredOn' }]);
    }
    const type = (body as { type?: unknown }).type;
    if (!isEventType(type)) {
      throw DomainException.validation([{ field: 'type', message: `type must be one of ${EVENT_TYPES.join(', ')}` }]);
    }
    const dto = plainToInstance(EVENT_DTOS[type], body);
    const errors = validateSync(dto, {
      whitelist: VALIDATION_OPTIONS.whitelist,
      forbidNonWhitelisted: VALIDATION_OPTIONS.forbidNonWhitelisted,
      forbidUnknownValues: VALIDATION_OPTIONS.forbidUnknownValues,
      validationError: VALIDATION_OPTIONS.validationError,
    });
    if (errors.length > 0) throw DomainException.validation(toFieldErrors(errors));
    return instanceToPlain(dto) as DomainEvent;
  }
}
