/** A day of the holiday calendar as the API shows it. */
export interface HolidayView {
  date: string;
  name: string;
}

/**
 * The working days over a snapshot of the holiday calendar, for work that counts many dates at
 * once (reminders over every open file) with one read of the calendar.
 */
export interface WorkingCalendar {
  isWorkingDay(date: string): boolean;
  /** See HolidayCalendarService.addWorkingDays. */
  addWorkingDays(from: string, n: number): string;
  /** Working days d with a < d ≤ b (negative when b is before a). */
  workingDaysBetween(a: string, b: string): number;
}
