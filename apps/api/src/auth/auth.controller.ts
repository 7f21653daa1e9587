import { Body, Controller, Delete, Get, HttpCode, Post, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthService, LoginResult, MeView, Principal } from '@charterflow/access';
import { AppConfig } from '@charterflow/config';
import { Clock } from '@charterflow/kernel';
import type { HttpResponse } from '../common/http/http-types';
import { ApiErrors } from '../common/openapi/api-errors.decorator';
import { LoginAnswerDto, MeDto } from '../users/dto/user.dto';
import { Public, RequirePermission } from './access.decorators';
import { CurrentPrincipal } from './current-principal.decorator';
import { ChangePasswordDto, LoginDto } from './dto/login.dto';
import { SessionDto } from './dto/session.dto';
import { clearedSessionCookie, SESSION_COOKIE, sessionCookie, setCookie } from './browser-session';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

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

  @Post('session')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in from a browser: the session travels in an HttpOnly cookie',
    description:
      `Sets the cookie \`${SESSION_COOKIE}\` (HttpOnly, SameSite=Strict, Path=/; Secure in production) and answers the CSRF token that every ` +
      'write through the cookie sends as `X-CSRF-Token`. The same lockout and rate limit as POST /auth/login apply. ' +
      'Once more than half of the token\'s life has passed, a request made with the cookie answers a renewed cookie of the same session ' +
      '(the CSRF token stays the same), unless it is sent with `X-Background-Request: true`: an idle page is signed out when the token ends.',
  })
  @ApiOkResponse({ type: SessionDto })
  @ApiErrors(400, 401, 429)
  async openSession(@Body() dto: LoginDto, @Res({ passthrough: true }) res: HttpResponse): Promise<SessionDto> {
    const result = await this.auth.login(dto.username, dto.password);
    const principal = await this.auth.authenticate(result.accessToken);
    setCookie(res, sessionCookie(result.accessToken, new Date(result.expiresAt), this.clock.now(), this.config.isProduction));
    return { csrfToken: this.auth.csrfTokenOf(principal), me: await this.me(principal) };
  }

  @Get('session')
  @RequirePermission('session')
  @ApiCookieAuth()
  @ApiOperation({ summary: 'The browser session: the signed-in account and its CSRF token (401 when there is none)' })
  @ApiOkResponse({ type: SessionDto })
  @ApiErrors(401)
  async session(@CurrentPrincipal() principal: Principal): Promise<SessionDto> {
    return { csrfToken: this.auth.csrfTokenOf(principal), me: await this.me(principal) };
  }

  @Delete('session')
  @RequirePermission('session')
  @HttpCode(204)
  @ApiCookieAuth()
  @ApiHeader({ name: 'X-CSRF-Token', required: false, description: 'Required when the session cookie authenticates the request' })
  @ApiOperation({ summary: 'Sign out of the browser: the session ends (as POST /auth/logout) and the cookie is cleared' })
  @ApiNoContentResponse()
  @ApiErrors(401, 403)
  async closeSession(@CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: HttpResponse): Promise<void> {
    await this.auth.logout(principal);
    setCookie(res, clearedSessionCookie(this.config.isProduction));
  }
}
