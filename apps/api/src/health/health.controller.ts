import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ErrorDto } from '../common/openapi/error.schemas';
import { RedisHealthIndicator } from './redis.health';
import { Public } from '../auth/access.decorators';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness and readiness: 200 when the database (and Redis, when REDIS_URL is set) answers, 503 naming what is down' })
  @ApiOkResponse({
    description: '`{ status: "ok", info: { database: { status: "up" }, redis: { status: "up", queueLagSeconds, queues: { <queue>: { lagSeconds } } } } }` (redis only with REDIS_URL)',
  })
  @ApiServiceUnavailableResponse({ type: ErrorDto, description: '`code` SERVICE_UNAVAILABLE, `down` lists the failing dependencies' })
  async check() {
    try {
      return await this.health.check([
        () => this.database.pingCheck('database').withTimeout(3000),
        ...(this.redis.enabled ? [() => this.redis.check('redis')] : []),
      ]);
    } catch (error) {
      const response = error instanceof ServiceUnavailableException ? (error.getResponse() as { error?: Record<string, unknown>; details?: unknown }) : {};
      const down = Object.keys(response.error ?? { database: {} });
      throw new ServiceUnavailableException({
        code: 'SERVICE_UNAVAILABLE',
        message: `Unavailable: ${down.join(', ')}`,
        status: 'error',
        down,
        details: response.details ?? {},
      });
    }
  }
}
