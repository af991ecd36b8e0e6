import { DomainError } from '../../common/http/domain-error';

/** Refusals of the ledger and the budget built on it. */
export class LedgerError extends DomainError {
  static insufficientFunds(detail = 'Tài khoản không đủ số dư cho khoản chuyển này.'): LedgerError {
    return new LedgerError('INSUFFICIENT_FUNDS', detail);
  }

  /**
   * The transfer would take a balance past what its DECIMAL(20,2) column holds (18 integer
   * digits): the amount is refused, naming the field.
   */
  static outOfRange(field = 'amount'): LedgerError {
    const message = 'số dư tài khoản sau khoản này vượt quá giới hạn lưu trữ (tối đa 18 chữ số phần nguyên)';
    return new LedgerError('VALIDATION_FAILED', `${field}: ${message}`, [{ field, message }]);
  }

  static yearNotOpen(year: number): LedgerError {
    return new LedgerError('INVALID_STATE', `Năm ngân sách ${year} chưa mở hoặc đã khóa sổ; không thể ghi nhận khoản tiền mới.`);
  }
}
