import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrganisationsService } from '@charterflow/organisations';
import { ApiErrors } from '../common/openapi/api-errors.decorator';
import { uuidParam } from '../common/validation/parse-uuid.pipe';
import { CreateOrganisationDto, UpdateOrganisationDto } from './dto/create-organisation.dto';
import { ListOrganisationsQuery } from './dto/list-organisations.query';
import { OrganisationDto } from './dto/organisation.dto';
import type { Scope } from '@charterflow/organisations';
import { RequirePermission } from '../auth/access.decorators';
import { CurrentScope } from '../auth/current-principal.decorator';

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Post()
  @RequirePermission('organisations.manage')
  @HttpCode(201)
  @ApiOperation({ summary: 'Create a node of the party organisation tree' })
  @ApiCreatedResponse({ type: OrganisationDto })
  @ApiErrors(400, 404, 422)
  create(@Body() dto: CreateOrganisationDto, @CurrentScope() scope: Scope) {
    return this.organisations.create({
      name: dto.name,
      kind: dto.kind,
      parentId: dto.parentId ?? null,
      authorisedToAdmit: dto.authorisedToAdmit ?? false,
      hasYouthUnion: dto.hasYouthUnion ?? true,
      hasTradeUnion: dto.hasTradeUnion ?? true,
      backlogGraceWorkingDays: dto.backlogGraceWorkingDays ?? null,
      ruleProfile: dto.ruleProfile,
    }, scope);
  }

  @Get()
  @RequirePermission('organisations.read')
  @ApiOperation({ summary: 'List organisations, optionally the children of one node' })
  @ApiOkResponse({ type: [OrganisationDto] })
  @ApiErrors(400)
  list(@Query() query: ListOrganisationsQuery, @CurrentScope() scope: Scope) {
    return this.organisations.list({ parentId: query.parentId }, scope);
  }

  @Get(':id')
  @RequirePermission('organisations.read')
  @ApiOperation({ summary: 'Read one organisation' })
  @ApiOkResponse({ type: OrganisationDto })
  @ApiErrors(400, 404)
  get(@Param('id', uuidParam()) id: string, @CurrentScope() scope: Scope) {
    return this.organisations.get(id, scope);
  }

  @Patch(':id')
  @RequirePermission('organisations.manage')
  @ApiOperation({
    summary: 'Rename a node, move it with its subtree under another parent, or say whether its unit has a Youth Union or a trade union',
    description:
      'Cases keep their organisation and their whole history; after a move they are found under the new parent, and the bodies above the cell (grassroots, competent committee) are those of the new place. `hasYouthUnion` / `hasTradeUnion` (E7) count from the next step of every case below the node. A province\'s `ruleProfile` applies to the cases opened afterwards; an open case keeps the profile it was opened under.',
  })
  @ApiOkResponse({ type: OrganisationDto })
  @ApiErrors(400, 404, 422)
  update(@Param('id', uuidParam()) id: string, @Body() dto: UpdateOrganisationDto, @CurrentScope() scope: Scope) {
    return this.organisations.update(
      id,
      {
        name: dto.name,
        parentId: dto.parentId,
        hasYouthUnion: dto.hasYouthUnion,
        hasTradeUnion: dto.hasTradeUnion,
        backlogGraceWorkingDays: dto.backlogGraceWorkingDays,
        ruleProfile: dto.ruleProfile,
      },
      scope,
    );
  }
}
