import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Principal, UsersService, UserView } from '@charterflow/access';
import type { Scope } from '@charterflow/organisations';
import { RequirePermission } from '../auth/access.decorators';
import { CurrentPrincipal, CurrentScope } from '../auth/current-principal.decorator';
import { ApiErrors } from '../common/openapi/api-errors.decorator';
import { uuidParam } from '../common/validation/parse-uuid.pipe';
import { CreateUserDto, ListUsersQuery, ResetPasswordDto, UpdateUserDto, UserDto } from './dto/user.dto';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @RequirePermission('users.manage')
  @HttpCode(201)
  @ApiOperation({ summary: 'Create a staff account (with its full name and title) at an organisation of your subtree; roles must fit its kind' })
  @ApiCreatedResponse({ type: UserDto })
  @ApiErrors(400, 401, 403, 409)
  create(@Body() dto: CreateUserDto, @CurrentScope() scope: Scope): Promise<UserView> {
    return this.users.create(
      { username: dto.username, password: dto.password, fullName: dto.fullName, title: dto.title, organisationId: dto.organisationId, roles: dto.roles },
      scope,
    );
  }

  @Get()
  @RequirePermission('users.read')
  @ApiOperation({ summary: 'The accounts of your subtree' })
  @ApiOkResponse({ type: [UserDto] })
  @ApiErrors(400, 401, 403, 404)
  list(@Query() query: ListUsersQuery, @CurrentScope() scope: Scope): Promise<UserView[]> {
    return this.users.list(scope, { organisationId: query.organisationId });
  }

  @Get(':id')
  @RequirePermission('users.read')
  @ApiOperation({ summary: 'One account of your subtree' })
  @ApiOkResponse({ type: UserDto })
  @ApiErrors(400, 401, 403, 404)
  get(@Param('id', uuidParam()) id: string, @CurrentScope() scope: Scope): Promise<UserView> {
    return this.users.get(id, scope);
  }

  @Patch(':id')
  @RequirePermission('users.manage')
  @ApiOperation({
    summary: "Change an account of your subtree: full name, title, roles (which must fit its organisation's kind)",
    description: 'Absent fields stay as they are; `title: null` removes the title. An account cannot change its own roles (403).',
  })
  @ApiOkResponse({ type: UserDto })
  @ApiErrors(400, 401, 403, 404)
  update(@Param('id', uuidParam()) id: string, @Body() dto: UpdateUserDto, @CurrentPrincipal() principal: Principal): Promise<UserView> {
    return this.users.update(id, { fullName: dto.fullName, title: dto.title, roles: dto.roles }, principal.scope, principal.userId);
  }

  @Delete(':id')
  @RequirePermission('users.manage')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an account: its tokens stop working at once; its name stays taken' })
  @ApiNoContentResponse()
  @ApiErrors(400, 401, 403, 404)
  async remove(@Param('id', uuidParam()) id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    await this.users.remove(id, principal.scope, principal.userId);
  }

  @Post(':id/password')
  @RequirePermission('users.manage')
  @HttpCode(204)
  @ApiOperation({ summary: "Reset an account's password; its sessions end" })
  @ApiNoContentResponse()
  @ApiErrors(400, 401, 403, 404)
  async resetPassword(@Param('id', uuidParam()) id: string, @Body() dto: ResetPasswordDto, @CurrentScope() scope: Scope): Promise<void> {
    await this.users.resetPassword(id, dto.password, scope);
  }
}
