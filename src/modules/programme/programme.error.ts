import { DomainError, ErrorCode, FieldError } from '../../common/http/domain-error';

/** Every refusal of the programme's records; the code picks the HTTP status in the problem filter. */
export class ProgrammeError extends DomainError {
  private constructor(code: ErrorCode, detail: string, errors?: FieldError[]) {
    super(code, detail, errors);
  }

  static alreadyCommended(decisionNo: string, recipient: string): ProgrammeError {
    return new ProgrammeError('DUPLICATE', `Quyết định ${decisionNo} đã ghi khen thưởng cho ${recipient}.`);
  }
}
