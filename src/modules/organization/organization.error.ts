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

  static unitCycle(): OrganizationError {
    const message = 'không thể đặt một đơn vị dưới chính nó hoặc dưới đơn vị cấp dưới của nó';
    return new OrganizationError('INVALID_STATE', `parentId: ${message}`, [{ field: 'parentId', message }]);
  }

  /** A deactivated unit receives no new allocation, file or assignment; `field` names where it was given. */
  static unitInactive(field: string, name?: string): OrganizationError {
    const message = `${name ? `đơn vị "${name}"` : 'đơn vị'} đã ngừng hoạt động, không nhận phân bổ, hồ sơ hay người dùng mới`;
    return new OrganizationError('INVALID_STATE', `${field}: ${message}`, [{ field, message }]);
  }

  static unknownUnits(fields: string[]): OrganizationError {
    const message = 'không có đơn vị này';
    return new OrganizationError(
      'VALIDATION_FAILED',
      fields.map((field) => `${field}: ${message}`).join('; '),
      fields.map((field) => ({ field, message })),
    );
  }

  static alreadyActive(active: boolean): OrganizationError {
    return new OrganizationError('INVALID_STATE', active ? 'Đơn vị đang hoạt động.' : 'Đơn vị đã ngừng hoạt động trước đó.');
  }
}
