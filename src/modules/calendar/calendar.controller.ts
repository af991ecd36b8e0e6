import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { CreateHolidayDto, HolidayQuery } from './dto/holiday.dto';
import { HolidayCalendarService } from './holiday-calendar.service';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar/holidays')
export class CalendarController {
  constructor(private readonly calendar: HolidayCalendarService) {}

  @Get()
  @ApiOperation({ summary: 'Các ngày lễ (ngày nghỉ ngoài thứ Bảy, Chủ nhật) của một năm (mọi người dùng đã đăng nhập)' })
  list(@CurrentActor() actor: Actor, @Query() query: HolidayQuery) {
    return this.calendar.listHolidays(actor, query.year);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Thêm một ngày lễ hoặc ngày nghỉ bù vào lịch' })
  add(@CurrentActor() actor: Actor, @Body() dto: CreateHolidayDto) {
    return this.calendar.addHoliday(actor, dto);
  }

  @Delete(':date')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Bỏ một ngày khỏi lịch ngày lễ (ngày trong đường dẫn, dạng YYYY-MM-DD)' })
  remove(@CurrentActor() actor: Actor, @Param('date') date: string) {
    return this.calendar.removeHoliday(actor, date);
  }
}
