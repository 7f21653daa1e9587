import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { HttpResponse as Response } from '../common/http/http-types';
import { ActorNames } from '@charterflow/access';
import { CaseQueries, CaseView, OpenCase, RecordEvent } from '@charterflow/cases';
import { DomainEvent } from '@charterflow/procedure';
import type { Scope } from '@charterflow/organisations';
import { RequirePermission } from '../auth/access.decorators';
import { CurrentActor, CurrentScope } from '../auth/current-principal.decorator';
import { etagOf, IfMatchVersion } from '../common/http/if-match';
import { IDEMPOTENCY_KEY_MAX_LENGTH, IdempotencyKey } from '../common/http/idempotency-key';
import { ApiErrors } from '../common/openapi/api-errors.decorator';
import { uuidParam } from '../common/validation/parse-uuid.pipe';
import { CaseDto, CaseEventDto, CaseListDto, ChainVerdictDto } from './dto/case.dto';
import { OPEN_CASE_BODY, OpenCaseBody } from './dto/open-case.body';
import { SchemaBodyPipe } from '../common/schema/schema-body.pipe';
import { ListCasesQuery } from './dto/list-cases.query';
import { EventBodyPipe } from './events/event-body.pipe';
import { EVENT_BODY_SCHEMA, OPEN_CASE_BODY_REF } from './events/event-schemas';
import { Actor } from '@charterflow/kernel';

const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: `1–${IDEMPOTENCY_KEY_MAX_LENGTH} characters; a repeated request with the same key returns the first answer and writes nothing`,
};

@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(
    private readonly openCase: OpenCase,
    private readonly recordEvent: RecordEvent,
    private readonly cases: CaseQueries,
    private readonly actorNames: ActorNames,
  ) {}

  @Post()
  @RequirePermission('cases.open')
  @HttpCode(201)
  @ApiOperation({ summary: 'Open a case: the cell resolution putting a person on the sympathiser list' })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiBody({ schema: OPEN_CASE_BODY_REF })
  @ApiCreatedResponse({ type: CaseDto, description: 'The new case; `ETag` carries its version' })
  @ApiErrors(400, 404, 422)
  async create(
    @Body(new SchemaBodyPipe(OPEN_CASE_BODY)) body: OpenCaseBody,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseView> {
    const view = await this.openCase.execute(body, actor, { idempotencyKey });
    return withEtag(res, view);
  }

  @Get()
  @RequirePermission('cases.read')
  @ApiOperation({ summary: 'Search cases by state, organisation subtree, open deadline due date or candidate name' })
  @ApiOkResponse({ type: CaseListDto })
  @ApiErrors(400)
  list(@Query() query: ListCasesQuery, @CurrentScope() scope: Scope) {
    return this.cases.list({
      state: query.state,
      organisationId: query.organisationId,
      dueBefore: query.dueBefore,
      q: query.q,
      limit: query.limit,
      cursor: query.cursor,
    }, scope);
  }

  @Get(':id')
  @RequirePermission('cases.read')
  @ApiOperation({ summary: 'Read a case: state, allowed events, deadlines, membership dates' })
  @ApiOkResponse({ type: CaseDto, description: '`ETag` carries the version' })
  @ApiErrors(400, 404)
  async get(@Param('id', uuidParam()) id: string, @CurrentScope() scope: Scope, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return withEtag(res, await this.cases.get(id, scope));
  }

  @Get(':id/events')
  @RequirePermission('cases.read')
  @ApiOperation({
    summary: 'The history of a case, oldest first, hash-chained',
    description: "Each `actor` is the recorded one plus the staff member's full name, title and unit name, read from the accounts and organisations (not hashed)",
  })
  @ApiOkResponse({ type: [CaseEventDto] })
  @ApiErrors(400, 404)
  async events(@Param('id', uuidParam()) id: string, @CurrentScope() scope: Scope) {
    return this.actorNames.name(await this.cases.events(id, scope));
  }

  @Get(':id/verify')
  @RequirePermission('cases.read')
  @ApiOperation({ summary: 'Recompute the hash chain of a case’s history' })
  @ApiOkResponse({ type: ChainVerdictDto })
  @ApiErrors(400, 404)
  verify(@Param('id', uuidParam()) id: string, @CurrentScope() scope: Scope) {
    return this.cases.verifyChain(id, scope);
  }

  @Post(':id/events')
  @RequirePermission('cases.record')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record a step of the procedure; refused steps name the rule and article and write nothing' })
  @ApiBody({
    description: 'The event: `type`, `occurredOn` and the payload of that type (api.md "Events"), as declared by the procedure’s event schema',
    schema: EVENT_BODY_SCHEMA,
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The version the client saw, e.g. `"4"`; another current version answers 409' })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOkResponse({ type: CaseDto, description: 'The updated case; `ETag` carries its version' })
  @ApiErrors(400, 403, 404, 409, 422)
  async record(
    @Param('id', uuidParam()) id: string,
    @Body(EventBodyPipe) event: DomainEvent,
    @CurrentActor() actor: Actor,
    @IfMatchVersion() expectedVersion: number | undefined,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseView> {
    return withEtag(res, await this.recordEvent.execute(id, event, actor, { expectedVersion, idempotencyKey }));
  }
}

function withEtag(res: Response, view: CaseView): CaseView {
  res.setHeader('ETag', etagOf(view.version));
  return view;
}
