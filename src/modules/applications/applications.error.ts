import { DomainError, ErrorCode, FieldError } from '../../common/http/domain-error';

/** A refusal of the application workflow. */
export class ApplicationError extends DomainError {
  constructor(code: ErrorCode, detail: string, errors?: FieldError[]) {
    super(code, detail, errors);
  }
}

/**
 * A refusal of one file of several decided together (a list decision): the refusal the file's own
 * step gave, its detail naming the file and its first error the position in `applicationIds`.
 */
export class FileRefusal extends ApplicationError {
  constructor(
    readonly applicationId: string,
    code: ErrorCode,
    detail: string,
    errors?: FieldError[],
  ) {
    super(code, detail, errors);
  }
}
