import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { addSchemaComponents } from '../schema/schema-components';

export const OPENAPI_PATH = 'api/docs';
export const OPENAPI_JSON_PATH = 'api/docs-json';

/** Serves the OpenAPI document at `/api/docs` (JSON at `/api/docs-json`). */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('charterflow')
    .setDescription(
      'Quy trình kết nạp đảng viên — admission procedure of the Communist Party of Vietnam, from the sympathiser list to full membership. ' +
        'Every error body is `{ code, message, ... }`. Log in with POST /api/v1/auth/login and send `Authorization: Bearer <accessToken>`.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  addSchemaComponents(document);
  SwaggerModule.setup(OPENAPI_PATH, app, document, { jsonDocumentUrl: OPENAPI_JSON_PATH });
}
