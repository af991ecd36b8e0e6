export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'INVALID_STATE'
  | 'INSUFFICIENT_FUNDS'
  | 'LIMIT_EXCEEDED'
  | 'DUPLICATE'
  | 'IDEMPOTENCY_IN_FLIGHT'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'RATE_LIMITED'
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'NOT_ASSIGNED'
  | 'OUT_OF_SCOPE'
  | 'CONFLICT_OF_INTEREST'
  | 'DECLARATION_REQUIRED'
  | 'DISAGREEMENT_NOT_ACKNOWLEDGED';

export interface FieldError {
  field: string;
  message: string;
}

/**
 * A refusal the domain decided on. Modules subclass it (one error class per module); the HTTP
 * status is chosen in one place, the problem filter, from the code.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly errors?: FieldError[],
  ) {
    super(detail);
  }
}

/** Input that is well-formed JSON but not acceptable, naming the fields. */
export class ValidationFailed extends DomainError {
  constructor(errors: FieldError[], detail = 'Dữ liệu gửi lên không hợp lệ.') {
    super('VALIDATION_FAILED', detail, errors);
  }

  static field(field: string, message: string): ValidationFailed {
    return new ValidationFailed([{ field, message }], `${field}: ${message}`);
  }
}

export class NotFound extends DomainError {
  constructor(what = 'Tài nguyên') {
    super('NOT_FOUND', `${what} không tồn tại hoặc bạn không có quyền xem.`);
  }
}

/** The refusals of authority: 403, with the code saying which (a role, an assignment, a field of work, a conflict). */
export type ForbiddenCode = 'FORBIDDEN' | 'NOT_ASSIGNED' | 'OUT_OF_SCOPE' | 'CONFLICT_OF_INTEREST';

export class Forbidden extends DomainError {
  constructor(detail = 'Bạn không có quyền thực hiện thao tác này.', code: ForbiddenCode = 'FORBIDDEN') {
    super(code, detail);
  }
}

/** A user whose password an administrator reset: only changing it (and /me, logout) is open to them. */
export class PasswordChangeRequired extends DomainError {
  constructor() {
    super('PASSWORD_CHANGE_REQUIRED', 'Mật khẩu của bạn vừa được quản trị viên đặt lại; hãy đổi mật khẩu (POST /me/password) trước khi tiếp tục.');
  }
}

export class Unauthenticated extends DomainError {
  constructor(detail = 'Cần đăng nhập.') {
    super('UNAUTHENTICATED', detail);
  }
}
