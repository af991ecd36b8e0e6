import { DomainError, ErrorCode, FieldError } from '../../common/http/domain-error';

/** Every refusal of the identity module (accounts, sessions, users, delegations). */
export class IdentityError extends DomainError {
  private constructor(code: ErrorCode, detail: string, errors?: FieldError[]) {
    super(code, detail, errors);
  }

  /** One answer for an unknown email, a wrong password and a locked account. */
  static badCredentials(): IdentityError {
    return new IdentityError('UNAUTHENTICATED', 'Email hoặc mật khẩu không đúng.');
  }

  static refreshTokenRefused(): IdentityError {
    return new IdentityError('UNAUTHENTICATED', 'Mã làm mới không hợp lệ, đã được dùng hoặc đã hết hạn; vui lòng đăng nhập lại.');
  }

  static emailTaken(): IdentityError {
    return new IdentityError('DUPLICATE', 'Email này đã được dùng cho một tài khoản khác.');
  }

  static userNotFound(): IdentityError {
    return new IdentityError('NOT_FOUND', 'Người dùng không tồn tại hoặc bạn không có quyền xem.');
  }

  static delegationNotFound(): IdentityError {
    return new IdentityError('NOT_FOUND', 'Ủy quyền không tồn tại hoặc bạn không có quyền xem.');
  }

  static alreadyActive(active: boolean): IdentityError {
    return new IdentityError('INVALID_STATE', active ? 'Tài khoản đang hoạt động.' : 'Tài khoản đã bị khóa trước đó.');
  }

  static cannotDeactivateSelf(): IdentityError {
    return new IdentityError('FORBIDDEN', 'Không thể tự khóa tài khoản của chính mình.');
  }

  static invalidField(field: string, message: string): IdentityError {
    return new IdentityError('VALIDATION_FAILED', `${field}: ${message}`, [{ field, message }]);
  }

  static cannotDropOwnAdmin(): IdentityError {
    return new IdentityError('FORBIDDEN', 'Không thể tự bỏ vai trò quản trị của chính mình.');
  }
}
