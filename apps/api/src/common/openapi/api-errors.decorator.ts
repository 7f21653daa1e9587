import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorDto, RefusalErrorDto, ValidationErrorDto, VersionConflictDto } from './error.schemas';

const DESCRIPTIONS: Record<number, { description: string; type: new () => unknown }> = {
  400: { description: 'VALIDATION_FAILED: malformed body, query, header or id; `fields` names each problem', type: ValidationErrorDto },
  403: { description: 'FORBIDDEN: the actor may not record this event', type: ErrorDto },
  404: { description: 'NOT_FOUND: unknown id', type: ErrorDto },
  409: { description: 'VERSION_CONFLICT: If-Match does not name the current version', type: VersionConflictDto },
  413: { description: 'PAYLOAD_TOO_LARGE', type: ErrorDto },
  422: { description: 'RULE_VIOLATION (rule, source, messageVi) or EVENT_NOT_ALLOWED (state, allowedEvents)', type: RefusalErrorDto },
  503: { description: 'SERVICE_UNAVAILABLE', type: ErrorDto },
};

/** Documents the error answers an endpoint can give, with the shared `{ code, message, ... }` schemas. */
export function ApiErrors(...statuses: (keyof typeof DESCRIPTIONS)[]): MethodDecorator & ClassDecorator {
  return applyDecorators(...statuses.map((status) => ApiResponse({ status, ...DESCRIPTIONS[status] })));
}
