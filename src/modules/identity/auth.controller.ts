import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, CurrentSession, OpenDuringPasswordChange, Public } from '../../common/auth/decorators';
import { AuthThrottlerGuard } from './auth-throttler.guard';
import { AuthService } from './auth.service';
import { ChangePasswordDto } from './dto/change-password.dto';
import { LoginDto } from './dto/login.dto';
import { RefreshTokenDto } from './dto/refresh-token.dto';
import { RegisterDto } from './dto/register.dto';

@ApiTags('identity')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('auth/register')
  @Public()
  @UseGuards(AuthThrottlerGuard)
  @ApiOperation({ summary: 'Đăng ký tài khoản cơ sở (vai trò applicant)' })
  @ApiTooManyRequestsResponse({ description: 'Quá nhiều lần thử' })
  register(@Body() dto: RegisterDto) {
    return this.auth.register(dto);
  }

  @Post('auth/login')
  @Public()
  @UseGuards(AuthThrottlerGuard)
  @HttpCode(200)
  @ApiOperation({ summary: 'Đăng nhập' })
  @ApiTooManyRequestsResponse({ description: 'Quá nhiều lần thử' })
  login(@Body() dto: LoginDto) {
    return this.auth.login(dto);
  }

  @Post('auth/refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Đổi mã làm mới lấy cặp mã mới (mỗi mã dùng một lần)' })
  refresh(@Body() dto: RefreshTokenDto) {
    return this.auth.refresh(dto);
  }

  @Post('auth/logout')
  @OpenDuringPasswordChange()
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Đăng xuất: thu hồi phiên của mã làm mới' })
  logout(@CurrentActor() actor: Actor, @Body() dto: RefreshTokenDto) {
    return this.auth.logout(actor, dto);
  }

  @Get('me')
  @OpenDuringPasswordChange()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Người dùng đang đăng nhập' })
  me(@CurrentActor() actor: Actor) {
    return this.auth.me(actor);
  }

  @Post('me/password')
  @OpenDuringPasswordChange()
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Đổi mật khẩu của mình; các phiên đăng nhập khác kết thúc' })
  async changePassword(@CurrentActor() actor: Actor, @CurrentSession() sessionId: string | null, @Body() dto: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(actor, sessionId, dto);
  }
}
