import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorResult, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ErrorDto } from '../common/openapi/error.schemas';
import { RedisHealthIndicator } from './redis.health';
import { WorkerHealthIndicator } from './worker.health';
import { Public } from '../auth/access.decorators';

/** Seconds a client should wait before asking again when a dependency is down. */
const RETRY_AFTER_SECONDS = 5;

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly worker: WorkerHealthIndicator,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Liveness and readiness: 503 naming what is down when the database (or Redis, when REDIS_URL is set) does not answer; 200 `degraded` when no worker has beaten lately',
  })
  @ApiOkResponse({
    description:
      '`{ status: "ok" | "degraded", degraded?: ["worker"], info: { database: { status }, worker: { status, workers, lastBeatAt }, redis?: { status, queueLagSeconds, queues } } }`: `degraded` when the API answers but no worker delivering deadlines has beaten within three heartbeat intervals',
  })
  @ApiServiceUnavailableResponse({ type: ErrorDto, description: '`code` SERVICE_UNAVAILABLE, `down` lists the failing dependencies; header Retry-After' })
  async check() {
    let result;
    try {
      result = await this.health.check([
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
        retryAfterSeconds: RETRY_AFTER_SECONDS,
      });
    }
    const worker: HealthIndicatorResult = await this.worker.check('worker');
    const workerUp = worker.worker.status === 'up';
    return {
      ...result,
      status: workerUp ? 'ok' : 'degraded',
      ...(workerUp ? {} : { degraded: ['worker'] }),
      info: { ...result.info, ...worker },
      details: { ...result.details, ...worker },
    };
  }
}
