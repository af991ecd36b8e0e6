import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ROLES } from '../../common/auth/actor';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { NotificationQuery, NotificationSettingsDto } from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('notifications')
  @Roles(...ROLES)
  @ApiOperation({ summary: 'Thông báo của mình (?unread=true: chưa đọc), mới nhất trước' })
  list(@CurrentActor() actor: Actor, @Query() query: NotificationQuery) {
    return this.notifications.list(actor, query);
  }

  @Post('notifications/read-all')
  @HttpCode(204)
  @Roles(...ROLES)
  @ApiOperation({ summary: 'Đánh dấu mọi thông báo của mình là đã đọc' })
  async readAll(@CurrentActor() actor: Actor): Promise<void> {
    await this.notifications.markAllRead(actor);
  }

  @Post('notifications/:id/read')
  @HttpCode(200)
  @Roles(...ROLES)
  @ApiOperation({ summary: 'Đánh dấu một thông báo của mình là đã đọc' })
  read(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.notifications.markRead(actor, id);
  }

  @Get('me/notification-settings')
  @Roles(...ROLES)
  @ApiOperation({ summary: 'Cách nhận thông báo: thư điện tử, bản tóm tắt hằng ngày' })
  settings(@CurrentActor() actor: Actor) {
    return this.notifications.settings(actor);
  }

  @Put('me/notification-settings')
  @Roles(...ROLES)
  @ApiOperation({ summary: 'Đổi cách nhận thông báo' })
  updateSettings(@CurrentActor() actor: Actor, @Body() dto: NotificationSettingsDto) {
    return this.notifications.updateSettings(actor, dto);
  }
}
