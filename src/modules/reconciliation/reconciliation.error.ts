import { DomainError, FieldError } from '../../common/http/domain-error';

/** Refusals of the treasury reconciliation. */
export class ReconciliationError extends DomainError {
  static duplicateFile(earlierImportId: string, importedAt: Date): ReconciliationError {
    return new ReconciliationError(
      'DUPLICATE',
      `Tệp sao kê này đã được nhập (lần nhập ${earlierImportId}, lúc ${importedAt.toISOString()}); không nhập lại cùng một tệp.`,
    );
  }

  /** The statement as a whole is refused: nothing of it is imported. */
  static malformedStatement(problems: FieldError[], truncated = false): ReconciliationError {
    const shown = problems.slice(0, 5).map((p) => `${placeInFile(p.field)}: ${p.message}`).join('; ');
    const more = truncated ? ' (chỉ liệt kê các lỗi đầu tiên)' : problems.length > 5 ? ` và ${problems.length - 5} lỗi khác` : '';
    return new ReconciliationError('VALIDATION_FAILED', `Sao kê có dòng không hợp lệ; không dòng nào được nhập. ${shown}${more}.`, problems);
  }

  static badUpload(message: string): ReconciliationError {
    return new ReconciliationError('VALIDATION_FAILED', `file: ${message}`, [{ field: 'file', message }]);
  }

  static tooLargeResult(lines: number): ReconciliationError {
    return new ReconciliationError('VALIDATION_FAILED', `Kết quả đối chiếu ${lines} dòng vượt quá dung lượng lưu trữ; hãy chia sao kê theo khoảng ngày giá trị.`, [
      { field: 'file', message: 'sao kê quá lớn để lưu kết quả đối chiếu; hãy chia thành nhiều tệp theo khoảng ngày' },
    ]);
  }
}

/** `line 3: amount` as a person reads it: `dòng 3, cột amount`. */
function placeInFile(field: string): string {
  return field.replace(/^line (\d+)(?:: (.+))?$/, (_, line: string, column?: string) => (column ? `dòng ${line}, cột ${column}` : `dòng ${line}`));
}
