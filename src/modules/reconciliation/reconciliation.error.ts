import { DomainError, FieldError } from '../../common/http/domain-error';
import { formatDateVi } from '../../common/money/format-vi';

/** Refusals of the treasury reconciliation. */
export class ReconciliationError extends DomainError {
  /** Named by its day and file name, as finance finds it in the list of imports (never by its id). */
  static duplicateFile(importedAt: Date, fileName: string | null): ReconciliationError {
    return new ReconciliationError(
      'DUPLICATE',
      `Tệp sao kê này đã được nhập ngày ${formatDateVi(importedAt)}${fileName ? ` (tệp “${fileName}”)` : ''}, xem kết quả trong danh sách các lần đối chiếu; không nhập lại cùng một tệp.`,
    );
  }

  /** The statement as a whole is refused: nothing of it is imported. */
  static malformedStatement(problems: FieldError[], truncated = false): ReconciliationError {
    const shown = problems.slice(0, 5).map((p) => `${p.field}: ${p.message}`).join('; ');
    const more = truncated ? ' (chỉ liệt kê các lỗi đầu tiên)' : problems.length > 5 ? ` và ${problems.length - 5} lỗi khác` : '';
    return new ReconciliationError('VALIDATION_FAILED', `Sao kê có dòng không hợp lệ; không dòng nào được nhập. ${shown}${more}.`, problems);
  }

  static badUpload(message: string): ReconciliationError {
    return new ReconciliationError('VALIDATION_FAILED', `Tệp sao kê: ${message}.`, [{ field: 'file', message }]);
  }

  /** The form passed one of its multipart limits (field count, a value's size): nothing of it is read. */
  static uploadLimitPassed(passed: FieldError): ReconciliationError {
    return new ReconciliationError('VALIDATION_FAILED', `Tệp sao kê: ${passed.field}: ${passed.message}.`, [passed]);
  }

  /** The statement shown for checking is gone: imported already, replaced, or kept too long. */
  static previewGone(): ReconciliationError {
    return new ReconciliationError('INVALID_STATE', 'Bản xem trước của sao kê này không còn (đã nhập, hoặc đã quá thời gian giữ); hãy chọn tệp và xem trước lại.');
  }

  static tooLargeResult(lines: number): ReconciliationError {
    return new ReconciliationError('VALIDATION_FAILED', `Kết quả đối chiếu ${lines} dòng vượt quá dung lượng lưu trữ; hãy chia sao kê theo khoảng ngày giá trị.`, [
      { field: 'file', message: 'sao kê quá lớn để lưu kết quả đối chiếu; hãy chia thành nhiều tệp theo khoảng ngày' },
    ]);
  }
}

