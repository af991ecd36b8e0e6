import { DomainError, ErrorCode, FieldError } from '../../common/http/domain-error';

/** A refusal of the application workflow. */
export class ApplicationError extends DomainError {
  constructor(code: ErrorCode, detail: string, errors?: FieldError[]) {
    super(code, detail, errors);
  }
}
