import { ValidationFailed } from './http/domain-error';

/** The message of a date in the future given for something that has already happened. */
export const NOT_AFTER_TODAY = 'không được sau ngày hôm nay';

/**
 * A date that records something which has already happened (a contract signed, an acceptance held,
 * money paid or received by the treasury) may be today or earlier, never later: null when it is,
 * otherwise the refusal naming the field (400). `today` is the service clock's date in
 * Asia/Ho_Chi_Minh; both are `YYYY-MM-DD`, so they compare as strings.
 */
export function futureDateRefusal({ field, date, today }: { field: string; date: string; today: string }): ValidationFailed | null {
  return date > today ? ValidationFailed.field(field, NOT_AFTER_TODAY) : null;
}

/** As futureDateRefusal, throwing the refusal. */
export function assertHappened(input: { field: string; date: string; today: string }): void {
  const refusal = futureDateRefusal(input);
  if (refusal) throw refusal;
}
