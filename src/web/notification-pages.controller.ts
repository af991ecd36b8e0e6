import { Body, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Actor } from '../common/auth/actor';
import { NotificationSettingsDto } from '../modules/notifications/dto/notification.dto';
import { NotificationsService } from '../modules/notifications/notifications.service';
import { FormPages } from './forms/form-pages';
import { FormBody, text } from './forms/form-input';
import { validated } from './forms/form-validation';
import { noticeCard } from './pages/notice-cards';
import { PageController } from './page-controller';
import { PageResponder } from './page-responder';
import { PAGE_PARAM, pageOfList, pagerOf } from './pager';
import { PageActor, WebRequest } from './web-context';

/** Notifications a page shows at a time: a phone's few screens, newest first. */
const NOTICE_PAGE_SIZE = 20;

/** The filter of the list's links: `?chua-doc=1` shows only what is unread. */
const UNREAD_PARAM = 'chua-doc';

/**
 * Thông báo: a person's own notifications (the bell's page), opening one marks it read, and how
 * they want to hear (e-mail, a daily digest). Every signed-in person has these pages; the service
 * keeps each to their own. The worker's e-mails link to `/thong-bao` and `/thong-bao/cai-dat`.
 */
@PageController('thong-bao')
export class NotificationPagesController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly pages: PageResponder,
    private readonly forms: FormPages,
  ) {}

  @Get()
  async list(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Query() query: Record<string, unknown>) {
    const unreadOnly = query[UNREAD_PARAM] === '1';
    const page = await pageOfList(
      query[PAGE_PARAM],
      (slice) => this.notifications.list(actor, { ...slice, unread: unreadOnly ? 'true' : undefined }),
      NOTICE_PAGE_SIZE,
    );
    this.pages.render(req, res, 'notifications', {
      title: 'Thông báo',
      notices: page.items.map(noticeCard),
      unreadOnly,
      paging: pagerOf(page, '/thong-bao', { [UNREAD_PARAM]: unreadOnly ? '1' : '' }),
    });
  }

  /** Follows a notification: marks it read (the person's own only: another's is 404) and opens its page. */
  @Post(':id/doc')
  async open(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('id') id: string) {
    const read = await this.notifications.markRead(actor, id);
    return this.pages.redirect(req, res, noticeCard(read).href ?? '/thong-bao');
  }

  @Post('doc-tat-ca')
  async readAll(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor) {
    await this.notifications.markAllRead(actor);
    return this.pages.redirect(req, res, '/thong-bao', 'Đã đánh dấu tất cả thông báo là đã đọc.');
  }

  @Get('cai-dat')
  async settings(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor) {
    this.pages.render(req, res, 'notification-settings', await this.settingsModel(actor));
  }

  @Post('cai-dat')
  async saveSettings(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Body() body: FormBody) {
    return this.forms.handle(req, res, {
      template: 'notification-settings',
      model: () => this.settingsModel(actor),
      submit: async () => {
        await this.notifications.updateSettings(actor, await validated(NotificationSettingsDto, { email: yesNo(text(body, 'email')), digest: text(body, 'digest') }));
        return { redirect: '/thong-bao/cai-dat', flash: 'Đã lưu cách nhận thông báo.' };
      },
    });
  }

  private async settingsModel(actor: Actor): Promise<Record<string, unknown>> {
    const settings = await this.notifications.settings(actor);
    return {
      title: 'Cách nhận thông báo',
      settings,
      // The form shows what is saved; a refused form shows what was sent instead (`values`).
      saved: { email: settings.email ? 'true' : 'false', digest: settings.digest },
    };
  }
}

/** A yes/no radio (`true`/`false`) as the API's boolean; anything else is left for validation to name. */
function yesNo(value: string): boolean | string {
  return value === 'true' ? true : value === 'false' ? false : value;
}
