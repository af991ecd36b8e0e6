import { ValidationError, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { FieldError, ValidationFailed } from './domain-error';

/** A limit as people read it: `1.000.000`, `500`. */
function limit(value: unknown): string {
  return typeof value === 'number' ? new Intl.NumberFormat('vi-VN').format(value) : String(value);
}

/**
 * What a field's checks need to say (the limits of Min, Max, MaxLength…), read from the DTO's
 * validation metadata: class-validator reports only which check failed, in English.
 */
class FieldChecks {
  private readonly checks: Array<{ name?: string; constraints?: unknown[] }>;

  constructor(private readonly error: ValidationError) {
    const target = error.target as object | undefined;
    this.checks = target
      ? getMetadataStorage()
          .getTargetValidationMetadatas(target.constructor, '', true, false)
          .filter((m) => m.propertyName === error.property)
      : [];
  }

  has(name: string): boolean {
    return this.checks.some((c) => c.name === name);
  }

  constraint(name: string, index = 0): unknown {
    return this.checks.find((c) => c.name === name)?.constraints?.[index];
  }

  /** "chỉ nhập số nguyên từ 0 đến 100": what a number field takes, with its bounds when known. */
  number(): string {
    const [min, max] = [this.constraint('min'), this.constraint('max')];
    const kind = this.has('isInt') ? 'chỉ nhập số nguyên' : 'chỉ nhập số';
    if (min !== undefined && max !== undefined) return `${kind} từ ${limit(min)} đến ${limit(max)}`;
    if (min !== undefined) return `${kind}, không nhỏ hơn ${limit(min)}`;
    if (max !== undefined) return `${kind}, không lớn hơn ${limit(max)}`;
    return this.has('isInt') ? `${kind}, ví dụ 12` : kind;
  }

  /** A bound broken by a number, or the number's form when the value is not a number at all. */
  bound(name: 'min' | 'max'): string {
    const value = this.error.value;
    if (typeof value !== 'number' || !Number.isFinite(value)) return this.number();
    if (this.has('isInt') && !Number.isInteger(value)) return this.number();
    const bound = this.constraint(name);
    if (bound === undefined) return name === 'min' ? 'nhỏ hơn giá trị cho phép' : 'lớn hơn giá trị cho phép';
    return name === 'min' ? `không được nhỏ hơn ${limit(bound)}` : `không được lớn hơn ${limit(bound)}`;
  }

  /** The length now, for a text too long or too short. */
  typedLength(): string {
    return typeof this.error.value === 'string' ? ` (đang có ${limit([...this.error.value].length)} ký tự)` : '';
  }
}

/** class-validator constraint → what a person reads, with the limit to keep to. Custom decorators carry their own message. */
const MESSAGES: Record<string, (checks: FieldChecks) => string> = {
  whitelistValidation: () => 'trường này không được phép',
  isDefined: () => 'bắt buộc',
  isNotEmpty: () => 'không được để trống',
  isString: () => 'phải là chuỗi ký tự',
  isEmail: () => 'không phải địa chỉ email hợp lệ',
  isBoolean: () => 'phải là true hoặc false',
  isInt: (checks) => checks.number(),
  isPositive: () => 'phải là số dương',
  min: (checks) => checks.bound('min'),
  max: (checks) => checks.bound('max'),
  isIn: () => 'giá trị không nằm trong danh sách cho phép',
  isEnum: () => 'giá trị không nằm trong danh sách cho phép',
  isArray: () => 'phải là một danh sách',
  arrayNotEmpty: () => 'danh sách không được rỗng',
  arrayMinSize: (checks) => `cần ít nhất ${limit(checks.constraint('arrayMinSize'))} mục`,
  arrayMaxSize: (checks) => `tối đa ${limit(checks.constraint('arrayMaxSize'))} mục`,
  arrayUnique: () => 'danh sách có phần tử trùng nhau',
  minLength: (checks) => `cần ít nhất ${limit(checks.constraint('minLength'))} ký tự${checks.typedLength()}`,
  maxLength: (checks) => `dài tối đa ${limit(checks.constraint('maxLength'))} ký tự${checks.typedLength()}`,
  length: (checks) => `dài từ ${limit(checks.constraint('length', 0))} đến ${limit(checks.constraint('length', 1))} ký tự${checks.typedLength()}`,
  matches: () => 'không đúng định dạng',
  isObject: () => 'phải là một đối tượng',
  nestedValidation: () => 'phải là một đối tượng hợp lệ',
  isUuid: () => 'không phải mã định danh hợp lệ',
};

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const result: FieldError[] = [];
  for (const error of errors) {
    const segment = /^\d+$/.test(error.property) ? `[${error.property}]` : error.property;
    const path = parent ? (segment.startsWith('[') ? `${parent}${segment}` : `${parent}.${segment}`) : segment;
    const constraints = Object.entries(error.constraints ?? {});
    // A field left out is "required", whichever of its checks happened to run first.
    if (constraints.length && (error.value === undefined || error.value === null) && !('whitelistValidation' in (error.constraints ?? {}))) {
      result.push({ field: path, message: 'bắt buộc' });
    } else {
      for (const [name, english] of constraints) {
        const custom = error.contexts?.[name]?.vi as string | undefined;
        const message = custom ?? MESSAGES[name]?.(new FieldChecks(error)) ?? english;
        result.push({ field: path, message });
      }
    }
    if (error.children?.length) result.push(...flattenValidationErrors(error.children, path));
  }
  return result;
}

/** The validation pipe of the whole API: unknown fields refused, errors named by field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: true,
    // Each error keeps the object it was found in, so a message can name its field's limits
    // (only the flattened field errors leave this pipe).
    validationError: { target: true },
    exceptionFactory: (errors) => {
      const fields = flattenValidationErrors(errors);
      return new ValidationFailed(fields, fields.map((f) => `${f.field}: ${f.message}`).join('; '));
    },
  });
}
