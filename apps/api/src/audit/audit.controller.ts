import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DeadlineAuditPage, DeadlineAuditService } from '@charterflow/audit/deadline-audit/deadline-audit.service';
import type { Scope } from '@charterflow/organisations';
import { RequirePermission } from '../auth/access.decorators';
import { CurrentScope } from '../auth/current-principal.decorator';
import { ApiErrors } from '../common/openapi/api-errors.decorator';
import { DeadlineAuditQuery } from './dto/deadline-audit.query';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly deadlines: DeadlineAuditService) {}

  @Get('deadlines')
  @RequirePermission('audit.read')
  @ApiOperation({
    summary: 'Late and missed time limits of your subtree, with how late (working days)',
    description: 'Ordered by due date. `status=missed` (default) lists limits met late, marked missed, or still open past their due date today.',
  })
  @ApiOkResponse({ description: '`{ asOf, items: [...], nextCursor }`' })
  @ApiErrors(400, 404)
  deadlinesAudit(@Query() query: DeadlineAuditQuery, @CurrentScope() scope: Scope): Promise<DeadlineAuditPage> {
    return this.deadlines.list(
      { organisationId: query.organisationId, status: query.status, kind: query.kind, dueFrom: query.dueFrom, dueTo: query.dueTo, limit: query.limit, cursor: query.cursor },
      scope,
    );
  }
}
