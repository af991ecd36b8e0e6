/**
 * The kinds of document a file holds, as people name them. The catalogue owns the list because an
 * activity type's rule names the kinds a file of that type must carry before it is submitted.
 */
export const DOCUMENT_KIND_LABELS: Record<string, string> = {
  business_license: 'Giấy chứng nhận đăng ký kinh doanh',
  quotation: 'Báo giá thiết bị, dịch vụ',
  project_plan: 'Thuyết minh đề án, dự toán kinh phí',
  invoice: 'Hóa đơn, chứng từ',
  minutes: 'Biên bản',
  other: 'Tài liệu khác',
};

export const DOCUMENT_KINDS = Object.keys(DOCUMENT_KIND_LABELS);

/** A document kind's name, or its code when unknown. */
export function documentKindLabel(kind: string): string {
  return DOCUMENT_KIND_LABELS[kind] ?? kind;
}
