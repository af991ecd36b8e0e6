import { DomainError, ErrorCode, FieldError } from '../../common/http/domain-error';
import { formatDateVi } from '../../common/money/format-vi';

/** Every refusal of the exchange rates; the code picks the HTTP status in the problem filter. */
export class ExchangeRatesError extends DomainError {
  private constructor(code: ErrorCode, detail: string, errors?: FieldError[]) {
    super(code, detail, errors);
  }

  static alreadyRecorded(from: string, to: string, validFrom: string): ExchangeRatesError {
    const message = `đã có tỷ giá ${from}/${to} áp dụng từ ngày ${formatDateVi(validFrom)}`;
    return new ExchangeRatesError('DUPLICATE', `validFrom: ${message}`, [{ field: 'validFrom', message }]);
  }
}
