import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { addSchemaComponents } from '../schema/schema-components';
import { SESSION_COOKIE } from '../../auth/browser-session';

export const OPENAPI_PATH = 'api/docs';
export const OPENAPI_JSON_PATH = 'api/docs-json';

/** The OpenAPI document of the application's routes (docs/openapi.json is this, written by `npm run openapi`). */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('charterflow')
    .setDescription(
      'Quy trình kết nạp đảng viên — admission procedure of the Communist Party of Vietnam, from the sympathiser list to full membership. ' +
        'Every error body is `{ code, message, ... }`. Log in with POST /api/v1/auth/login and send `Authorization: Bearer <accessToken>`.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addCookieAuth(SESSION_COOKIE, { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE }, 'cookie')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  addSchemaComponents(document);
  return document;
}

/** Serves the OpenAPI document at `/api/docs` (JSON at `/api/docs-json`). */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup(OPENAPI_PATH, app, createOpenApiDocument(app), { jsonDocumentUrl: OPENAPI_JSON_PATH });
}
