import { DomainError, ErrorCode, FieldError } from '../../common/http/domain-error';

/** A refusal about a call for applications. */
export class CallsError extends DomainError {
  constructor(code: ErrorCode, detail: string, errors?: FieldError[]) {
    super(code, detail, errors);
  }
}
