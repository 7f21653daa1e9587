import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { HttpRequest as Request, HttpResponse as Response } from '../http/http-types';
import { toErrorResponse } from './to-error-response';

/**
 * The one place errors become HTTP answers. Domain refusals keep their details (`rule`, `source`, `messageVi`,
 * `state`, `allowedEvents`, `fields`…); anything unexpected answers `500 INTERNAL` with no stack or SQL in the body
 * and is logged in full.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const { status, body, unexpected } = toErrorResponse(exception);
    if (unexpected) {
      const where = `${request?.method ?? '?'} ${request?.originalUrl ?? request?.url ?? '?'}`;
      this.logger.error(`${where} failed: ${exception instanceof Error ? exception.message : String(exception)}`, exception instanceof Error ? exception.stack : undefined);
    }
    if (response.headersSent) return;
    if (typeof body.retryAfterSeconds === 'number') response.setHeader('Retry-After', String(body.retryAfterSeconds));
    if (status === 401) response.setHeader('WWW-Authenticate', 'Bearer realm="charterflow"');
    // A route that answers HTML or CSV has announced its type before the handler ran; an error is JSON all the same.
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.status(status).json(body);
  }
}
