import type { Busboy } from 'busboy';
import type { FieldError } from './domain-error';

/** A multipart limit a body passed: the status it answers, and the field named with its message. */
export interface MultipartLimitPassed extends FieldError {
  status: 400 | 413;
}

/**
 * What passing one of the multipart limits (multer's `code`s, which the busboy events below map to)
 * means to the client: one wording for the document uploads and the statement and list imports.
 */
export function multipartLimitPassed(code: string, field?: string): MultipartLimitPassed {
  switch (code) {
    case 'LIMIT_FILE_SIZE':
      return { status: 413, field: field ?? 'file', message: 'tệp vượt quá dung lượng cho phép' };
    case 'LIMIT_FIELD_VALUE':
      return { status: 400, field: field ?? 'body', message: 'giá trị quá dài' };
    case 'LIMIT_FIELD_KEY':
      return { status: 400, field: 'body', message: 'tên trường quá dài' };
    case 'LIMIT_FIELD_NESTING':
    case 'LIMIT_FIELD_ARRAY_INDEX':
    case 'INVALID_FIELD_NAME':
    case 'MISSING_FIELD_NAME':
      return { status: 400, field: 'body', message: 'tên trường không hợp lệ' };
    case 'LIMIT_FIELD_COUNT':
    case 'LIMIT_PART_COUNT':
      return { status: 400, field: 'body', message: 'biểu mẫu tải lên có quá nhiều trường' };
    default:
      return { status: 400, field: 'file', message: 'gửi đúng một tệp trong trường "file" (multipart/form-data)' };
  }
}

/**
 * Watches a busboy form for the limits it otherwise applies silently (fields and files past the
 * count dropped, a value or a name cut short). Returns a function giving the first limit passed,
 * once the form is read, so the reader refuses the whole upload instead of acting on part of it.
 * Adds a `field` listener: without one busboy skips text fields unread and never reports their size.
 */
export function watchMultipartLimits(form: Busboy): () => FieldError | undefined {
  let passed: FieldError | undefined;
  const pass = (code: string, field?: string) => {
    if (passed) return;
    const { field: name, message } = multipartLimitPassed(code, field);
    passed = { field: name, message };
  };
  form.on('fieldsLimit', () => pass('LIMIT_FIELD_COUNT'));
  form.on('partsLimit', () => pass('LIMIT_PART_COUNT'));
  form.on('filesLimit', () => pass('LIMIT_UNEXPECTED_FILE'));
  form.on('field', (name, _value, info) => {
    if (info.nameTruncated) pass('LIMIT_FIELD_KEY');
    else if (info.valueTruncated) pass('LIMIT_FIELD_VALUE', name);
  });
  return () => passed;
}
