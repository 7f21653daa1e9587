import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrganisationsService } from '@charterflow/organisations';
import { ApiErrors } from '../common/openapi/api-errors.decorator';
import { uuidParam } from '../common/validation/parse-uuid.pipe';
import { CreateOrganisationDto } from './dto/create-organisation.dto';
import { ListOrganisationsQuery } from './dto/list-organisations.query';
import { OrganisationDto } from './dto/organisation.dto';

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create a node of the party organisation tree' })
  @ApiCreatedResponse({ type: OrganisationDto })
  @ApiErrors(400, 404, 422)
  create(@Body() dto: CreateOrganisationDto) {
    return this.organisations.create({
      name: dto.name,
      kind: dto.kind,
      parentId: dto.parentId ?? null,
      authorisedToAdmit: dto.authorisedToAdmit ?? false,
    });
  }

  @Get()
  @ApiOperation({ summary: 'List organisations, optionally the children of one node' })
  @ApiOkResponse({ type: [OrganisationDto] })
  @ApiErrors(400)
  list(@Query() query: ListOrganisationsQuery) {
    return this.organisations.list({ parentId: query.parentId });
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read one organisation' })
  @ApiOkResponse({ type: OrganisationDto })
  @ApiErrors(400, 404)
  get(@Param('id', uuidParam()) id: string) {
    return this.organisations.get(id);
  }
}
