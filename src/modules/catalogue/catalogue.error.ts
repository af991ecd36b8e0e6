import { DomainError, ErrorCode, FieldError } from '../../common/http/domain-error';

/** A refusal of the activity catalogue. */
export class CatalogueError extends DomainError {
  constructor(code: ErrorCode, detail: string, errors?: FieldError[]) {
    super(code, detail, errors);
  }
}
