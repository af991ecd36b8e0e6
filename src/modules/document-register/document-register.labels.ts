import type { OfficialDocumentType, SigningForm } from './document-register.types';

/** Each paper's name as people read it (the pages, the register, the file names). */
export const OFFICIAL_DOCUMENT_LABELS: Record<OfficialDocumentType, string> = {
  decision: 'Quyết định hỗ trợ kinh phí khuyến công',
  contract: 'Hợp đồng thực hiện đề án khuyến công',
  acceptance: 'Biên bản nghiệm thu',
  settlement: 'Biên bản quyết toán kinh phí',
  'recovery-notice': 'Thông báo thu hồi kinh phí',
  'payment-request': 'Giấy đề nghị thanh toán',
};

/** The short name on a button ("Tải quyết định (PDF)"). */
export const OFFICIAL_DOCUMENT_SHORT_LABELS: Record<OfficialDocumentType, string> = {
  decision: 'quyết định',
  contract: 'hợp đồng',
  acceptance: 'biên bản nghiệm thu',
  settlement: 'biên bản quyết toán',
  'recovery-notice': 'thông báo thu hồi',
  'payment-request': 'giấy đề nghị thanh toán',
};

/**
 * The symbol after the number (ký hiệu văn bản: abbreviation of the paper's kind, then of the
 * body that issues it, Nghị định 30/2020/NĐ-CP, Phụ lục I):
 *
 * | type | symbol | reads |
 * |---|---|---|
 * | decision | `QĐ-SCT` | Quyết định — Sở Công Thương |
 * | contract | `<year>/HĐ-TTKC` | Hợp đồng — Trung tâm Khuyến công (contract numbers carry their year: they stay unique across years) |
 * | acceptance | `BB-NT` | Biên bản nghiệm thu |
 * | settlement | `BB-QT` | Biên bản quyết toán |
 * | recovery-notice | `TB-TH` | Thông báo thu hồi |
 * | payment-request | `GĐN-TT` | Giấy đề nghị thanh toán |
 */
export const OFFICIAL_DOCUMENT_SYMBOLS: Record<OfficialDocumentType, string> = {
  decision: 'QĐ-SCT',
  contract: 'HĐ-TTKC',
  acceptance: 'BB-NT',
  settlement: 'BB-QT',
  'recovery-notice': 'TB-TH',
  'payment-request': 'GĐN-TT',
};

/** How each signing form is named in the register. */
export const SIGNING_FORM_LABELS: Record<SigningForm, string> = {
  direct: 'Ký trực tiếp',
  'KT.': 'Ký thay (KT.)',
  'TUQ.': 'Thừa ủy quyền (TUQ.)',
  'TL.': 'Thừa lệnh (TL.)',
  'Q.': 'Quyền (Q.)',
};
