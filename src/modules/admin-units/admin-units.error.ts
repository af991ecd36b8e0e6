import { DomainError, FieldError } from '../../common/http/domain-error';
import { MAX_LISTED_PROBLEMS } from './admin-units.rules';

/** Refusals of the list of administrative units. */
export class AdminUnitsError extends DomainError {
  /** The list as a whole is refused: nothing of it is loaded, the list in force stays. */
  static malformedList(problems: FieldError[]): AdminUnitsError {
    const listed = problems.slice(0, MAX_LISTED_PROBLEMS);
    const shown = listed.slice(0, 5).map((p) => `${p.field}: ${p.message}`).join('; ');
    const more = problems.length > 5 ? ` và ${problems.length - 5} lỗi khác` : '';
    return new AdminUnitsError('VALIDATION_FAILED', `Danh mục đơn vị hành chính có dòng không hợp lệ; không dòng nào được nạp, danh mục đang dùng giữ nguyên. ${shown}${more}.`, listed);
  }

  static badUpload(message: string): AdminUnitsError {
    return new AdminUnitsError('VALIDATION_FAILED', `Tệp danh mục đơn vị hành chính: ${message}.`, [{ field: 'file', message }]);
  }

  /** The form passed one of its multipart limits (field count, a value's size): nothing of it is read. */
  static uploadLimitPassed(passed: FieldError): AdminUnitsError {
    return new AdminUnitsError('VALIDATION_FAILED', `Tệp danh mục đơn vị hành chính: ${passed.field}: ${passed.message}.`, [passed]);
  }
}
