import { Body, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Actor } from '../common/auth/actor';
import { Clock } from '../common/clock';
import { formatDateVi } from '../common/money/format-vi';
import { CreateHolidayDto } from '../modules/calendar/dto/holiday.dto';
import { HolidayCalendarService } from '../modules/calendar/holiday-calendar.service';
import { FormPages } from './forms/form-pages';
import { FormBody, text } from './forms/form-input';
import { validated } from './forms/form-validation';
import { PageController } from './page-controller';
import { PageResponder } from './page-responder';
import { PageActor, PageRoles, WebRequest } from './web-context';

const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const weekdayOf = (date: string) => WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()];

/**
 * Lịch ngày lễ: the weekdays off of a year (holidays, days given back, swapped days), which the
 * due dates counted in working days skip; add a day, take one off (the API's /calendar/holidays).
 */
@PageController('quan-tri/ngay-le')
@PageRoles('admin')
export class AdminHolidayPagesController {
  constructor(
    private readonly calendar: HolidayCalendarService,
    private readonly clock: Clock,
    private readonly pages: PageResponder,
    private readonly forms: FormPages,
  ) {}

  @Get()
  async list(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Query('nam') year?: string) {
    this.pages.render(req, res, 'admin-holidays', await this.model(actor, this.yearOf(year)));
  }

  @Post()
  async add(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Body() body: FormBody) {
    const date = text(body, 'date');
    const year = /^\d{4}-/.test(date) ? this.yearOf(date.slice(0, 4)) : this.yearOf(text(body, 'nam'));
    return this.forms.handle(req, res, {
      template: 'admin-holidays',
      model: () => this.model(actor, year),
      submit: async () => {
        const dto = await validated(CreateHolidayDto, { date, name: text(body, 'name') });
        const holiday = await this.calendar.addHoliday(actor, dto);
        return { redirect: `/quan-tri/ngay-le?nam=${holiday.date.slice(0, 4)}`, flash: `Đã thêm ngày ${formatDateVi(holiday.date)} (${holiday.name}) vào lịch ngày lễ.` };
      },
    });
  }

  @Post(':date/xoa')
  async remove(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('date') date: string) {
    return this.forms.handle(req, res, {
      template: 'admin-holidays',
      model: () => this.model(actor, this.yearOf(date.slice(0, 4))),
      submit: async () => {
        await this.calendar.removeHoliday(actor, date);
        return { redirect: `/quan-tri/ngay-le?nam=${date.slice(0, 4)}`, flash: `Đã bỏ ngày ${formatDateVi(date)} khỏi lịch ngày lễ.` };
      },
    });
  }

  private yearOf(value?: string): number {
    const year = /^\d{4}$/.test(value ?? '') ? Number.parseInt(value!, 10) : NaN;
    return year >= 2000 && year <= 2100 ? year : Number.parseInt(this.clock.today().slice(0, 4), 10);
  }

  private async model(actor: Actor, year: number): Promise<Record<string, unknown>> {
    const holidays = await this.calendar.listHolidays(actor, year);
    return {
      title: `Lịch ngày lễ năm ${year}`,
      year,
      previousYear: year > 2000 ? year - 1 : null,
      nextYear: year < 2100 ? year + 1 : null,
      holidays: holidays.map((h) => ({ ...h, weekday: weekdayOf(h.date) })),
    };
  }
}

