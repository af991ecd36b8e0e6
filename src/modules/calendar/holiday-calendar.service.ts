import { Injectable } from '@nestjs/common';
import { Between } from 'typeorm';
import { requireRole, requireSignedIn } from '../../common/auth/access';
import type { Actor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { ValidationFailed } from '../../common/http/domain-error';
import { TransactionRunner } from '../../database/transaction';
import { AuditService } from '../audit/audit.service';
import { CalendarError } from './calendar.error';
import * as rules from './calendar.rules';
import type { HolidayView, WorkingCalendar } from './calendar.types';
import type { CreateHolidayDto } from './dto/holiday.dto';
import { Holiday } from './holiday.entity';

const toView = (h: Pick<Holiday, 'date' | 'name'>): HolidayView => ({ date: h.date, name: h.name });

/**
 * The holiday calendar (lịch ngày lễ) and the working days it makes: the administrator keeps the
 * holidays; every module that counts a time limit in working days asks here.
 *
 * Nothing is cached: the whole calendar is a few rows a year, read in one indexed query inside the
 * caller's transaction, so every process and instance sees a change the moment it commits.
 */
@Injectable()
export class HolidayCalendarService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The holidays of a calendar year (this year when none is given), for anyone signed in. */
  async listHolidays(actor: Actor, year?: number): Promise<HolidayView[]> {
    requireSignedIn(actor);
    const y = year ?? Number(this.clock.today().slice(0, 4));
    return this.holidaysBetween(`${y}-01-01`, `${y}-12-31`);
  }

  /** Adds a weekday off to the calendar (administrators): 400 naming `date` for a weekend, 409 when it is there. */
  async addHoliday(actor: Actor, dto: CreateHolidayDto): Promise<HolidayView> {
    const capacity = requireRole(actor, 'admin');
    const problem = rules.holidayDateProblem(dto.date);
    if (problem) throw ValidationFailed.field('date', problem);
    const name = dto.name.trim();
    if (!name) throw ValidationFailed.field('name', 'không được để trống');
    return this.tx.run(async (em) => {
      const existing = await em.findOne(Holiday, { where: { date: dto.date }, lock: { mode: 'pessimistic_write' } });
      if (existing) throw CalendarError.alreadyHoliday(existing.date, existing.name);
      const holiday = em.create(Holiday, { date: dto.date, name, createdBy: actor.id, createdAt: this.clock.now() });
      await em.insert(Holiday, holiday);
      const view = toView(holiday);
      this.audit.record({ actor, capacity, action: 'holiday.create', entity: 'holiday', entityId: holiday.date, after: view });
      return view;
    });
  }

  /** Takes a day off the calendar (administrators): 400 naming `date` when it is no date, 404 when it is not there. */
  async removeHoliday(actor: Actor, date: string): Promise<void> {
    const capacity = requireRole(actor, 'admin');
    if (!rules.isCalendarDate(date)) throw ValidationFailed.field('date', 'phải là ngày dạng YYYY-MM-DD');
    await this.tx.run(async (em) => {
      const existing = await em.findOne(Holiday, { where: { date }, lock: { mode: 'pessimistic_write' } });
      if (!existing) throw CalendarError.notHoliday(date);
      await em.delete(Holiday, { date });
      this.audit.record({ actor, capacity, action: 'holiday.delete', entity: 'holiday', entityId: date, before: toView(existing) });
    });
  }

  /** The holidays from `from` to `to`, both included, by date. */
  async holidaysBetween(from: string, to: string): Promise<HolidayView[]> {
    const rows = await this.tx.manager.find(Holiday, { select: { date: true, name: true }, where: { date: Between(from, to) }, order: { date: 'ASC' } });
    return rows.map(toView);
  }

  async isWorkingDay(date: string): Promise<boolean> {
    return (await this.calendar()).isWorkingDay(date);
  }

  /**
   * The date `n` working days after `from` (n ≥ 1: the n-th working day strictly after it; n = 0:
   * `from` when it is a working day, else the next one), skipping weekends and the calendar's holidays.
   */
  async addWorkingDays(from: string, n: number): Promise<string> {
    return (await this.calendar()).addWorkingDays(from, n);
  }

  /** The working days after `a` up to and including `b` (negative when `b` is before `a`). */
  async workingDaysBetween(a: string, b: string): Promise<number> {
    return (await this.calendar()).workingDaysBetween(a, b);
  }

  /** The calendar as it stands now, to count many dates with one read. */
  async calendar(): Promise<WorkingCalendar> {
    const rows: Array<{ date: string }> = await this.tx.manager.find(Holiday, { select: { date: true } });
    const holidays: rules.Holidays = new Set(rows.map((r) => r.date));
    return {
      isWorkingDay: (date) => rules.isWorkingDay(date, holidays),
      addWorkingDays: (from, n) => rules.addWorkingDays(from, n, holidays),
      workingDaysBetween: (a, b) => rules.workingDaysBetween(a, b, holidays),
    };
  }
}
