import type { OfficialPaper } from '../../../rendering/paper/official-paper';
import { amountBlock, contractBasis, decisionBasis, paperFileName, registeredSignature, type PaperFacts } from './paper-facts';

const SUBJECTS = {
  advance: 'Tạm ứng kinh phí khuyến công',
  payment: 'Thanh toán kinh phí khuyến công',
  final: 'Thanh toán kinh phí khuyến công còn lại theo quyết toán',
} as const;

/** Giấy đề nghị thanh toán (tạm ứng): the lead unit asks finance to pay the establishment an amount, in figures and in words. */
export function paymentRequestPaper(facts: PaperFacts): OfficialPaper {
  const { file, establishment: e, leadUnit, entry } = facts;
  const d = facts.disbursement!;
  const c = file.currency;
  const verb = d.kind === 'advance' ? 'tạm ứng' : 'thanh toán';
  return {
    fileName: paperFileName('giay-de-nghi', entry.number),
    title: `Giấy đề nghị số ${entry.number}`,
    issuingBody: facts.issuingBody,
    number: entry.number,
    place: facts.place,
    date: entry.issuedAt,
    kind: 'Giấy đề nghị',
    subject: SUBJECTS[d.kind],
    addressees: ['Kính gửi: Phòng Kế hoạch – Tài chính'],
    blocks: [
      { kind: 'paragraph', text: decisionBasis(facts) },
      ...[contractBasis(facts)].filter((b): b is string => b !== null).map((text) => ({ kind: 'paragraph' as const, text })),
      { kind: 'paragraph', text: `${leadUnit.name} đề nghị ${verb} kinh phí khuyến công cho ${e.name} (mã số thuế ${e.taxCode}; địa chỉ: ${e.address}) để thực hiện đề án "${file.title}":` },
      amountBlock('1. Kinh phí hỗ trợ được duyệt', file.approvedSupport ?? '0', c),
      ...(d.kind === 'advance' && facts.advanceLimit ? [amountBlock('2. Mức tạm ứng tối đa', facts.advanceLimit, c)] : []),
      amountBlock(`${d.kind === 'advance' && facts.advanceLimit ? 3 : 2}. Số tiền đề nghị ${verb} lần này`, d.amount, c),
      ...(d.note ? [{ kind: 'paragraph' as const, text: `Ghi chú: ${d.note}` }] : []),
    ],
    recipients: ['Như trên;', `Lưu: ${leadUnit.code}.`],
    signatures: [registeredSignature(entry, 'NGƯỜI ĐỀ NGHỊ')],
  };
}
