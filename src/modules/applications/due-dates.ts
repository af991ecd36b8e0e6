import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { ValidationFailed } from '../../common/http/domain-error';
import { HolidayCalendarService } from '../calendar/holiday-calendar.service';

/** A step's due date as its body gives it: a date, or a number of working days from today. */
export interface DueDateInput {
  dueDate?: string | null;
  workingDays?: number | null;
}

/**
 * The due date of a step (assignment, return for supplement, consultation): the date given, from
 * today on, or the date `workingDays` working days after today by the holiday calendar (the
 * regulation counts these limits in working days). The DTO lets exactly one through.
 */
@Injectable()
export class DueDates {
  constructor(
    private readonly calendar: HolidayCalendarService,
    private readonly clock: Clock,
  ) {}

  async resolve(input: DueDateInput): Promise<string> {
    const today = this.clock.today();
    if (input.workingDays != null) return this.calendar.addWorkingDays(today, input.workingDays);
    if (!input.dueDate) throw ValidationFailed.field('dueDate', 'bắt buộc');
    if (input.dueDate < today) throw ValidationFailed.field('dueDate', 'không được trước ngày hôm nay');
    return input.dueDate;
  }
}
