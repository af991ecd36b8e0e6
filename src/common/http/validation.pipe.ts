import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, ValidationFailed } from './domain-error';

/** class-validator constraint → what a person reads. Custom decorators carry their own message. */
const MESSAGES: Record<string, (args: { constraints: Record<string, string> }) => string> = {
  whitelistValidation: () => 'trường này không được phép',
  isDefined: () => 'bắt buộc',
  isNotEmpty: () => 'không được để trống',
  isString: () => 'phải là chuỗi ký tự',
  isEmail: () => 'không phải địa chỉ email hợp lệ',
  isBoolean: () => 'phải là true hoặc false',
  isInt: () => 'phải là số nguyên',
  isPositive: () => 'phải là số dương',
  min: () => 'nhỏ hơn giá trị cho phép',
  max: () => 'lớn hơn giá trị cho phép',
  isIn: () => 'giá trị không nằm trong danh sách cho phép',
  isEnum: () => 'giá trị không nằm trong danh sách cho phép',
  isArray: () => 'phải là một danh sách',
  arrayNotEmpty: () => 'danh sách không được rỗng',
  arrayMinSize: () => 'danh sách có quá ít phần tử',
  arrayMaxSize: () => 'danh sách có quá nhiều phần tử',
  arrayUnique: () => 'danh sách có phần tử trùng nhau',
  minLength: () => 'quá ngắn',
  maxLength: () => 'quá dài',
  length: () => 'độ dài không hợp lệ',
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
        const message = custom ?? MESSAGES[name]?.({ constraints: error.constraints ?? {} }) ?? english;
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
    exceptionFactory: (errors) => {
      const fields = flattenValidationErrors(errors);
      return new ValidationFailed(fields, fields.map((f) => `${f.field}: ${f.message}`).join('; '));
    },
  });
}
