import { DomainError, ErrorCode, FieldError } from '../../common/http/domain-error';

/** A refusal of the establishments module. */
export class EstablishmentError extends DomainError {
  constructor(code: ErrorCode, detail: string, errors?: FieldError[]) {
    super(code, detail, errors);
  }
}
