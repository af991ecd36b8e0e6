import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { moneyStringProblem } from '../money/money';

function define(
  name: string,
  check: (value: unknown, args: ValidationArguments) => string | null,
  options?: ValidationOptions,
): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options: { ...options, message: (args: ValidationArguments) => check(args.value, args) ?? '' },
      validator: {
        validate: (value: unknown, args: ValidationArguments) => check(value, args) === null,
      },
    });
  };
}

/**
 * A money string (see API.md): plain decimal, no sign, ≤ 2 places, ≤ 18 integer digits, > 0 unless
 * `allowZero`. The fund's currency (whole đồng for VND) is checked again in the service.
 */
export function IsMoneyString(options: { allowZero?: boolean } & ValidationOptions = {}): PropertyDecorator {
  return define(
    'isMoneyString',
    (value) => {
      const problem = moneyStringProblem(value, 2);
      if (problem) return problem;
      if (!options.allowZero && /^0(\.0+)?$/.test(value as string)) return 'phải lớn hơn 0';
      return null;
    },
    options,
  );
}

/** A rate: a decimal string between "0" and "1". */
export function IsRate(options?: ValidationOptions): PropertyDecorator {
  return define(
    'isRate',
    (value) =>
      typeof value === 'string' && /^(0(\.\d{1,6})?|1(\.0{1,6})?)$/.test(value)
        ? null
        : 'phải là tỷ lệ dạng chuỗi từ "0" đến "1", ví dụ "0.5"',
    options,
  );
}

/** A State Treasury voucher reference (số chứng từ Kho bạc): letters, digits, `_ . / -`, at most 64. */
export const TREASURY_REF_PATTERN = /^[\w./-]{1,64}$/;

/** A State Treasury voucher reference, as on payments, receipts and statements. */
export function IsTreasuryRef(options?: ValidationOptions): PropertyDecorator {
  return define('isTreasuryRef', (value) => (typeof value === 'string' && TREASURY_REF_PATTERN.test(value) ? null : 'số chứng từ Kho bạc gồm chữ, số và _ . / -, tối đa 64 ký tự'), options);
}

/** A calendar date `YYYY-MM-DD` that exists. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return define(
    'isCalendarDate',
    (value) => {
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'phải là ngày dạng YYYY-MM-DD';
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) ? null : 'ngày không tồn tại';
    },
    options,
  );
}

/** A quantity: a positive decimal string, at most 4 places. */
export function IsQuantity(options?: ValidationOptions): PropertyDecorator {
  return define(
    'isQuantity',
    (value) =>
      typeof value === 'string' && /^(0|[1-9]\d{0,11})(\.\d{1,4})?$/.test(value) && !/^0(\.0+)?$/.test(value)
        ? null
        : 'phải là số lượng dương dạng chuỗi, ví dụ "2" hoặc "1.5"',
    options,
  );
}

/** A fiscal year. */
export function IsFiscalYear(options?: ValidationOptions): PropertyDecorator {
  return define(
    'isFiscalYear',
    (value) => (Number.isInteger(value) && (value as number) >= 2000 && (value as number) <= 2100 ? null : 'phải là năm từ 2000 đến 2100'),
    options,
  );
}

/**
 * A calendar date not before another field's date (an end after its start), checked with the
 * other fields so that a form shows it with them on the first submit. Skipped while either date
 * is missing or malformed: their own checks speak then.
 */
export function IsNotBefore(other: string, message: string, options?: ValidationOptions): PropertyDecorator {
  const date = /^\d{4}-\d{2}-\d{2}$/;
  return define(
    'isNotBefore',
    (value, args) => {
      const start = (args.object as Record<string, unknown>)[other];
      if (typeof value !== 'string' || typeof start !== 'string' || !date.test(value) || !date.test(start)) return null;
      return value < start ? message : null;
    },
    options,
  );
}

/**
 * A field that must not come with `other`: two ways of saying one thing (a due date, or a number
 * of working days from today), of which the client sends one. Named on this field.
 */
export function IsExclusiveWith(other: string, options?: ValidationOptions): PropertyDecorator {
  return define(
    'isExclusiveWith',
    (value, args) => {
      const given = (args.object as Record<string, unknown>)[other];
      return value == null || given == null ? null : `gửi ${args.property} hoặc ${other}, không gửi cả hai`;
    },
    options,
  );
}
