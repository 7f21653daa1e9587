import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthService, LoginResult, MeView, Principal } from '@charterflow/access';
import { ApiErrors } from '../common/openapi/api-errors.decorator';
import { LoginAnswerDto, MeDto } from '../users/dto/user.dto';
import { Public, RequirePermission } from './access.decorators';
import { CurrentPrincipal } from './current-principal.decorator';
import { ChangePasswordDto, LoginDto } from './dto/login.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Log in: a short-lived access token (JWT) for `Authorization: Bearer …`',
    description: 'Repeated failures lock the account name for a while (429 with Retry-After); logins from one address are rate-limited.',
  })
  @ApiOkResponse({ type: LoginAnswerDto })
  @ApiErrors(400, 401, 429)
  login(@Body() dto: LoginDto): Promise<LoginResult> {
    return this.auth.login(dto.username, dto.password);
  }

  @Post('logout')
  @RequirePermission('session')
  @HttpCode(204)
  @ApiOperation({ summary: 'End this session: its token stops working at once' })
  @ApiNoContentResponse()
  @ApiErrors(401)
  async logout(@CurrentPrincipal() principal: Principal): Promise<void> {
    await this.auth.logout(principal);
  }

  @Get('me')
  @RequirePermission('session')
  @ApiOperation({ summary: 'The signed-in account: its full name, title and organisation name' })
  @ApiOkResponse({ type: MeDto })
  @ApiErrors(401)
  me(@CurrentPrincipal() p: Principal): Promise<MeView> {
    return this.auth.me(p);
  }

  @Post('password')
  @RequirePermission('session')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change your own password; every session of the account ends, this one included' })
  @ApiNoContentResponse()
  @ApiErrors(400, 401)
  async changePassword(@CurrentPrincipal() principal: Principal, @Body() dto: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(principal, dto.currentPassword, dto.newPassword);
  }
}
