import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { ApiErrors } from '../common/openapi/api-errors.decorator';
import { RoutePermission } from '@charterflow/access';

export const PUBLIC_ROUTE = 'charterflow:public';
export const ROUTE_PERMISSION = 'charterflow:permission';

/** The route needs no token (login, health, metrics, the console's static files). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The route needs a token of an account holding a role `ROUTE_PERMISSIONS[permission]` lists. */
export const RequirePermission = (permission: RoutePermission) => applyDecorators(SetMetadata(ROUTE_PERMISSION, permission), ApiBearerAuth(), ApiErrors(401, 403));
