import type { ErrorCode, FieldError } from './domain-error';

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code?: string;
  errors?: FieldError[];
  instance?: string;
}

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_STATE: 409,
  INSUFFICIENT_FUNDS: 409,
  LIMIT_EXCEEDED: 409,
  DUPLICATE: 409,
  IDEMPOTENCY_IN_FLIGHT: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_ASSIGNED: 403,
  OUT_OF_SCOPE: 403,
  CONFLICT_OF_INTEREST: 403,
  DECLARATION_REQUIRED: 409,
  DISAGREEMENT_NOT_ACKNOWLEDGED: 409,
};

/** Titles people read: Vietnamese, one per code. */
const TITLE_BY_CODE: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'Dữ liệu không hợp lệ',
  UNAUTHENTICATED: 'Chưa đăng nhập',
  FORBIDDEN: 'Không có quyền',
  NOT_FOUND: 'Không tìm thấy',
  INVALID_STATE: 'Trạng thái không cho phép thao tác này',
  INSUFFICIENT_FUNDS: 'Không đủ kinh phí',
  LIMIT_EXCEEDED: 'Vượt quá hạn mức',
  DUPLICATE: 'Dữ liệu đã tồn tại',
  IDEMPOTENCY_IN_FLIGHT: 'Yêu cầu cùng khóa đang được xử lý',
  IDEMPOTENCY_KEY_REUSED: 'Khóa Idempotency-Key đã dùng cho yêu cầu khác',
  RATE_LIMITED: 'Quá nhiều yêu cầu',
  PASSWORD_CHANGE_REQUIRED: 'Cần đổi mật khẩu',
  NOT_ASSIGNED: 'Không được giao xử lý hồ sơ này',
  OUT_OF_SCOPE: 'Ngoài lĩnh vực được phân công',
  CONFLICT_OF_INTEREST: 'Xung đột lợi ích',
  DECLARATION_REQUIRED: 'Cần kê khai xung đột lợi ích trước',
  DISAGREEMENT_NOT_ACKNOWLEDGED: 'Cần xác nhận đã xem xét ý kiến không đồng ý',
};

const TITLE_BY_STATUS: Record<number, string> = {
  400: 'Yêu cầu không hợp lệ',
  401: 'Chưa đăng nhập',
  403: 'Không có quyền',
  404: 'Không tìm thấy',
  405: 'Phương thức không được hỗ trợ',
  409: 'Xung đột với trạng thái hiện tại',
  413: 'Dữ liệu gửi lên quá lớn',
  415: 'Kiểu dữ liệu không được hỗ trợ',
  422: 'Không thể xử lý yêu cầu',
  429: 'Quá nhiều yêu cầu',
  500: 'Lỗi hệ thống',
  503: 'Dịch vụ tạm thời không khả dụng',
};

export function statusForCode(code: ErrorCode): number {
  return STATUS_BY_CODE[code];
}

export function problem(
  status: number,
  detail: string,
  extra: { code?: string; errors?: FieldError[]; title?: string } = {},
): ProblemDetails {
  const title =
    extra.title ?? (extra.code && extra.code in TITLE_BY_CODE ? TITLE_BY_CODE[extra.code as ErrorCode] : undefined) ??
    TITLE_BY_STATUS[status] ?? 'Lỗi';
  const slug = (extra.code ?? String(status)).toLowerCase().replace(/_/g, '-');
  return {
    type: `urn:kcfund:problem:${slug}`,
    title,
    status,
    detail,
    ...(extra.code ? { code: extra.code } : {}),
    ...(extra.errors ? { errors: extra.errors } : {}),
  };
}
