import { Injectable, PipeTransform } from '@nestjs/common';
import { DomainEvent, parseEvent } from '@charterflow/procedure';
import { DomainException } from '@charterflow/kernel';

/**
 * Turns the body of `POST /cases/{id}/events` into a typed event with the procedure's event schema: `type` must name
 * an event, then the body must hold exactly that event's fields (libs/procedure/src/schema/events.schema.ts).
 * Whether the step is allowed is the engine's to judge.
 */
@Injectable()
export class EventBodyPipe implements PipeTransform<unknown, DomainEvent> {
  transform(body: unknown): DomainEvent {
    const parsed = parseEvent(body);
    if (!parsed.ok) throw DomainException.validation(parsed.fields);
    return parsed.value;
  }
}
