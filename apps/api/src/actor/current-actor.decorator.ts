import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { HttpRequest as Request } from '../common/http/http-types';
import { actorFromRequest } from './actor.factory';

/** The actor of the current request (see `actorFromRequest`). */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext) => actorFromRequest(ctx.switchToHttp().getRequest<Request>()));
