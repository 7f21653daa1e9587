import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorDto, RefusalErrorDto, ValidationErrorDto, VersionConflictDto } from './error.schemas';

const DESCRIPTIONS: Record<number, { description: string; type: new () => unknown }> = {
  400: { description: 'VALIDATION_FAILED: malformed body, query, header or id; `fields` names each problem', type: ValidationErrorDto },
  401: { description: 'UNAUTHENTICATED: no token, or a bad, expired, revoked or deleted account\'s token (`reason` says which)', type: ErrorDto },
  403: { description: 'FORBIDDEN: your roles or your place in the tree do not allow this (`permission` names what is missing)', type: ErrorDto },
  404: { description: 'NOT_FOUND: unknown id, or outside your subtree', type: ErrorDto },
  409: { description: 'VERSION_CONFLICT: If-Match does not name the current version; ALREADY_EXISTS: the name is taken', type: VersionConflictDto },
  413: { description: 'PAYLOAD_TOO_LARGE', type: ErrorDto },
  422: { description: 'RULE_VIOLATION (rule, source, messageVi) or EVENT_NOT_ALLOWED (state, allowedEvents)', type: RefusalErrorDto },
  429: { description: 'TOO_MANY_REQUESTS: rate limit or login lock (`retryAfterSeconds`, header Retry-After)', type: ErrorDto },
  503: { description: 'SERVICE_UNAVAILABLE', type: ErrorDto },
};

/** Documents the error answers an endpoint can give, with the shared `{ code, message, ... }` schemas. */
export function ApiErrors(...statuses: (keyof typeof DESCRIPTIONS)[]): MethodDecorator & ClassDecorator {
  return applyDecorators(...statuses.map((status) => ApiResponse({ status, ...DESCRIPTIONS[status] })));
}
