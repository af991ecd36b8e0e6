import { DomainError, ErrorCode, FieldError } from '../../common/http/domain-error';
import { formatDateVi } from '../../common/money/format-vi';

/** Every refusal of the holiday calendar; the code picks the HTTP status in the problem filter. */
export class CalendarError extends DomainError {
  private constructor(code: ErrorCode, detail: string, errors?: FieldError[]) {
    super(code, detail, errors);
  }

  static alreadyHoliday(date: string, name: string): CalendarError {
    const message = `ngày ${formatDateVi(date)} đã có trong lịch ngày lễ ("${name}")`;
    return new CalendarError('DUPLICATE', `date: ${message}`, [{ field: 'date', message }]);
  }

  static notHoliday(date: string): CalendarError {
    return new CalendarError('NOT_FOUND', `Ngày ${formatDateVi(date)} không có trong lịch ngày lễ.`);
  }
}

