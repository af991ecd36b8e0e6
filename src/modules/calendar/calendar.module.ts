import { Module } from '@nestjs/common';
import { CalendarController } from './calendar.controller';
import { HolidayCalendarService } from './holiday-calendar.service';

/** The holiday calendar and the working days it makes; below every module that counts time limits. */
@Module({ controllers: [CalendarController], providers: [HolidayCalendarService], exports: [HolidayCalendarService] })
export class CalendarModule {}
