import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Observable } from 'rxjs';
import { DomainException, findUnstorableText } from '@charterflow/kernel';

const BODY_TEXT_CHECKED_PER_ROW = 'charterflow:body-text-checked-per-row';

/**
 * The handler checks the strings of its body itself, row by row: an import reports a bad row among the others
 * instead of refusing the whole file. Path and query are still checked here.
 */
export const BodyTextCheckedPerRow = () => SetMetadata(BODY_TEXT_CHECKED_PER_ROW, true);

/**
 * Refuses, once for every route, a request carrying a string the database cannot hold (U+0000 or an unpaired
 * surrogate) in its path parameters (`path.id`), query (`query.q`) or JSON body at any depth
 * (`candidate.fullName`): 400 VALIDATION_FAILED naming the first such field, before any DTO, service or statement
 * sees it. Headers need no walk: the only ones read as text (`Idempotency-Key`, `If-Match`) accept visible ASCII
 * only. Runs after the guards, so an anonymous caller still gets 401 first.
 */
@Injectable()
export class StorableInputInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const request = context.switchToHttp().getRequest<{ params?: unknown; query?: unknown; body?: unknown }>();
      const perRow = this.reflector.getAllAndOverride<boolean>(BODY_TEXT_CHECKED_PER_ROW, [context.getHandler(), context.getClass()]);
      const problem =
        findUnstorableText(request.params, 'path') ?? findUnstorableText(request.query, 'query') ?? (perRow ? null : findUnstorableText(request.body, ''));
      if (problem) throw DomainException.validation([problem]);
    }
    return next.handle();
  }
}
