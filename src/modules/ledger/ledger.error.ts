import { DomainError } from '../../common/http/domain-error';

/** Refusals of the ledger and the budget built on it. */
export class LedgerError extends DomainError {
  static insufficientFunds(detail = 'Tài khoản không đủ số dư cho khoản chuyển này.'): LedgerError {
    return new LedgerError('INSUFFICIENT_FUNDS', detail);
  }

  static yearNotOpen(year: number): LedgerError {
    return new LedgerError('INVALID_STATE', `Năm ngân sách ${year} chưa mở hoặc đã khóa sổ; không thể ghi nhận khoản tiền mới.`);
  }
}
