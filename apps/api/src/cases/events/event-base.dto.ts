import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength, ValidationOptions } from 'class-validator';
import { EVENT_TYPES, EventType } from '@charterflow/procedure';
import { IsBusinessDate } from '../../common/validation/is-business-date.decorator';

/** What every event body carries: its type and the business date it happened. */
export abstract class EventDtoBase {
  @ApiProperty({ enum: EVENT_TYPES })
  @IsIn(EVENT_TYPES)
  type: EventType;

  @ApiProperty({ format: 'date', example: '2026-01-15', description: 'The business date the step happened (meeting, decision, filing…)' })
  @IsBusinessDate()
  occurredOn: string;
}

/** A short non-empty text: a document number, an id, a name, a reason. */
export function IsReference(maxLength = 200, options?: ValidationOptions): PropertyDecorator {
  return (target, key) => {
    IsString(options)(target, key);
    IsNotEmpty(options)(target, key);
    MaxLength(maxLength, options)(target, key);
  };
}
