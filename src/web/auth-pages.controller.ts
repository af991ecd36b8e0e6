import { Body, Get, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import type { Actor } from '../common/auth/actor';
import { OpenDuringPasswordChange } from '../common/auth/decorators';
import { ValidationFailed } from '../common/http/domain-error';
import { clientProblem } from '../common/http/problem.filter';
import { AuthThrottlerGuard } from '../modules/identity/auth-throttler.guard';
import { AuthService } from '../modules/identity/auth.service';
import { ChangePasswordDto } from '../modules/identity/dto/change-password.dto';
import { LoginDto } from '../modules/identity/dto/login.dto';
import { RegisterDto } from '../modules/identity/dto/register.dto';
import { AppConfig } from '../config/app-config';
import { FormPages } from './forms/form-pages';
import { decodeKept, encodeKept } from './forms/kept-form';
import { FormBody, optionalText, text } from './forms/form-input';
import { validated } from './forms/form-validation';
import { PageController } from './page-controller';
import { PageResponder, safeReturnPath } from './page-responder';
import { WebSessionService } from './session/web-session.service';
import { PageActor, WebPublic, WebRequest } from './web-context';

/** Sign-in, registration (producers) and sign-out, through identity's own password check. */
@PageController()
export class AuthPagesController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: WebSessionService,
    private readonly pages: PageResponder,
    private readonly forms: FormPages,
    private readonly config: AppConfig,
  ) {}

  @Get('dang-nhap')
  @WebPublic()
  async loginPage(@Req() req: WebRequest, @Res() res: Response, @Query('tiep') next?: string) {
    if (req.web?.actor) return this.pages.redirect(req, res, safeReturnPath(next));
    this.pages.render(req, res, 'login', { title: 'Đăng nhập', next: safeReturnPath(next), insecure: !this.secureEnough(req) });
  }

  @Post('dang-nhap')
  @WebPublic()
  @UseGuards(AuthThrottlerGuard)
  async login(@Req() req: WebRequest, @Res() res: Response, @Body() body: FormBody) {
    const next = safeReturnPath(body.tiep);
    // A form typed before the session ended comes back with the login (see WebExceptionFilter).
    const kept = next === '/' ? null : decodeKept(body.giu, next);
    try {
      const dto = await validated(LoginDto, { email: text(body, 'email'), password: text(body, 'password') });
      const user = await this.auth.authenticate(dto);
      await this.sessions.open(user, res, kept);
      return this.pages.redirect(req, res, next);
    } catch (error) {
      const problem = clientProblem(error, req);
      if (!problem) throw error;
      const wrongPassword = problem.code === 'UNAUTHENTICATED';
      const shown = wrongPassword
        ? { ...problem, title: 'Sai email hoặc mật khẩu', detail: 'Email hoặc mật khẩu không đúng. Kiểm tra lại chữ hoa, chữ thường và bộ gõ tiếng Việt rồi thử lại.' }
        : problem;
      const model = async () => ({
        title: wrongPassword ? 'Sai email hoặc mật khẩu' : 'Đăng nhập',
        next,
        kept: kept ? encodeKept({ ...kept.values, ...(kept.form ? { _form: kept.form } : {}) }) : null,
        sessionEnded: Boolean(kept),
      });
      return this.forms.refused(req, res, { template: 'login', model }, shown);
    }
  }

  /** Quên mật khẩu: how to get a new password (an administrator resets it; nothing is sent by e-mail). */
  @Get('quen-mat-khau')
  @WebPublic()
  @OpenDuringPasswordChange()
  forgotPassword(@Req() req: WebRequest, @Res() res: Response) {
    this.pages.render(req, res, 'forgot-password', { title: 'Quên mật khẩu', place: this.config.ISSUING_PLACE, contact: this.config.SUPPORT_CONTACT ?? null });
  }

  @Get('dang-ky')
  @WebPublic()
  async registerPage(@Req() req: WebRequest, @Res() res: Response) {
    if (req.web?.actor) return this.pages.redirect(req, res, '/');
    this.pages.render(req, res, 'register', { title: 'Đăng ký tài khoản cơ sở' });
  }

  @Post('dang-ky')
  @WebPublic()
  @UseGuards(AuthThrottlerGuard)
  async register(@Req() req: WebRequest, @Res() res: Response, @Body() body: FormBody) {
    try {
      const dto = await validated(RegisterDto, {
        email: text(body, 'email'),
        password: text(body, 'password'),
        fullName: text(body, 'fullName'),
        phone: optionalText(body, 'phone'),
      });
      const { id } = await this.auth.register(dto);
      await this.sessions.open({ id }, res);
      // The new session's flash needs its row: the next page shows the welcome instead.
      return this.pages.redirect(req, res, '/co-so/moi?chao=1');
    } catch (error) {
      const problem = clientProblem(error, req);
      if (!problem) throw error;
      return this.forms.refused(req, res, { template: 'register', model: async () => ({ title: 'Đăng ký tài khoản cơ sở' }) }, problem);
    }
  }

  /** Changing one's own password; the only page open after an administrator's reset. */
  @Get('doi-mat-khau')
  @OpenDuringPasswordChange()
  async changePasswordPage(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor) {
    this.pages.render(req, res, 'change-password', this.changePasswordModel(actor));
  }

  @Post('doi-mat-khau')
  @OpenDuringPasswordChange()
  async changePassword(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Body() body: FormBody) {
    return this.forms.handle(req, res, {
      template: 'change-password',
      model: async () => this.changePasswordModel(actor),
      submit: async () => {
        const dto = await validated(ChangePasswordDto, { currentPassword: text(body, 'currentPassword'), newPassword: text(body, 'newPassword') });
        if (text(body, 'confirmPassword') !== dto.newPassword) throw ValidationFailed.field('confirmPassword', 'không khớp với mật khẩu mới');
        // No API sign-in belongs to a page session: every refresh-token family of the user ends.
        await this.auth.changePassword(actor, null, dto);
        // The session this browser held ended with the old password; a new one replaces it (so a
        // one-time message would land in the old row: none is set).
        await this.sessions.renew(req.web!.session!, res);
        return { redirect: '/' };
      },
    });
  }

  @Post('dang-xuat')
  @OpenDuringPasswordChange()
  async logout(@Req() req: WebRequest, @Res() res: Response) {
    await this.sessions.close(req.web?.session ?? null, res);
    return this.pages.redirect(req, res, '/dang-nhap');
  }

  private changePasswordModel(actor: Actor): Record<string, unknown> {
    return { title: 'Đổi mật khẩu', forced: Boolean(actor.mustChangePassword) };
  }

  /** Session cookies are Secure: a browser keeps them over HTTPS, or on this machine. */
  private secureEnough(req: WebRequest): boolean {
    return req.secure || ['localhost', '127.0.0.1', '::1', '[::1]'].includes(req.hostname);
  }
}
