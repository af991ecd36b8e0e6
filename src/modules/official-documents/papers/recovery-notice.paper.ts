import type { OfficialPaper } from '../../../rendering/paper/official-paper';
import { amountBlock, dateText, decisionBasis, paperFileName, registeredSignature, type PaperFacts } from './paper-facts';

/** Thông báo thu hồi kinh phí: what the establishment owes back after its settlement, in figures and in words. */
export function recoveryNoticePaper(facts: PaperFacts): OfficialPaper {
  const { file, establishment: e, entry } = facts;
  const s = facts.settlement!;
  const settlementEntry = facts.register.filter((r) => r.type === 'settlement').at(-1);
  const owed = facts.recovery?.amount ?? s.balance ?? '0';
  return {
    fileName: paperFileName('thong-bao-thu-hoi', entry.number),
    title: `Thông báo số ${entry.number}`,
    issuingBody: facts.issuingBody,
    number: entry.number,
    place: facts.place,
    date: entry.issuedAt,
    kind: 'Thông báo',
    subject: `Về việc thu hồi kinh phí khuyến công đề án "${file.title}"`,
    addressees: [`Kính gửi: ${e.name}`],
    blocks: [
      { kind: 'paragraph', text: decisionBasis(facts) },
      ...(settlementEntry ? [{ kind: 'paragraph' as const, text: `Căn cứ Biên bản quyết toán số ${settlementEntry.number} ngày ${dateText(settlementEntry.issuedAt)},` }] : []),
      { kind: 'paragraph', text: `Sở Công Thương thông báo kết quả quyết toán kinh phí khuyến công của ${e.name} (mã số thuế ${e.taxCode}) như sau:` },
      amountBlock('1. Kinh phí hỗ trợ quyết toán', s.finalSupport ?? '0', file.currency),
      amountBlock('2. Đã tạm ứng, thanh toán', s.paid ?? '0', file.currency),
      amountBlock('3. Số phải nộp trả ngân sách nhà nước', owed, file.currency),
      { kind: 'paragraph', text: `Đề nghị ${e.name} nộp trả số kinh phí trên vào ngân sách nhà nước qua Kho bạc Nhà nước tỉnh, ghi rõ số Thông báo này khi nộp./.` },
    ],
    recipients: ['Như trên;', 'Kho bạc Nhà nước tỉnh;', `Lưu: VT, KHTC.`],
    signatures: [registeredSignature(entry)],
  };
}
