import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WorklistPage, WorklistQuery } from '@charterflow/cases';
import type { Scope } from '@charterflow/organisations';
import { Actor } from '@charterflow/kernel';
import { RequirePermission } from '../auth/access.decorators';
import { CurrentActor, CurrentScope } from '../auth/current-principal.decorator';
import { ApiErrors } from '../common/openapi/api-errors.decorator';
import { WorklistDto, WorklistQueryDto } from './worklist.dto';

@ApiTags('worklist')
@Controller('worklist')
export class WorklistController {
  constructor(private readonly worklist: WorklistQuery) {}

  @Get()
  @RequirePermission('cases.read')
  @ApiOperation({ summary: 'The signed-in account’s work: cases of its subtree overdue, due soon, or waiting for a step its body records' })
  @ApiOkResponse({ type: WorklistDto })
  @ApiErrors(400, 404)
  get(@Query() query: WorklistQueryDto, @CurrentActor() actor: Actor, @CurrentScope() scope: Scope): Promise<WorklistPage> {
    return this.worklist.forActor(actor, scope, { organisationId: query.organisationId });
  }
}
