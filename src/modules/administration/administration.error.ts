import { DomainError, ErrorCode } from '../../common/http/domain-error';

/** A refusal of the administration use cases. */
export class AdministrationError extends DomainError {
  private constructor(code: ErrorCode, detail: string) {
    super(code, detail);
  }

  /** The unit still holds money or open files (409): the detail names them. */
  static unitStillInUse(detail: string): AdministrationError {
    return new AdministrationError('INVALID_STATE', detail);
  }
}
