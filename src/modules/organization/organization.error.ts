import { DomainError, ErrorCode, FieldError } from '../../common/http/domain-error';

/** Every refusal of the organisation module; the code picks the HTTP status in the problem filter. */
export class OrganizationError extends DomainError {
  private constructor(code: ErrorCode, detail: string, errors?: FieldError[]) {
    super(code, detail, errors);
  }

  static unitNotFound(): OrganizationError {
    return new OrganizationError('NOT_FOUND', 'Đơn vị không tồn tại hoặc bạn không có quyền xem.');
  }

  static codeTaken(code: string): OrganizationError {
    return new OrganizationError('DUPLICATE', `Mã đơn vị "${code}" đã được dùng.`);
  }

  static unknownParent(): OrganizationError {
    const message = 'đơn vị cấp trên không tồn tại hoặc đã ngừng hoạt động';
    return new OrganizationError('VALIDATION_FAILED', `parentId: ${message}`, [{ field: 'parentId', message }]);
  }
}
