import type { OfficialPaper, PaperBlock } from '../../../rendering/paper/official-paper';
import { amountBlock, dateText, decisionBasis, paperFileName, registeredSignature, type PaperFacts } from './paper-facts';

/** The reason of a cancellation: its timeline note up to what the release says ("<reason> — hoàn trả …"). */
function cancellationReason(note: string | null): string | null {
  if (!note) return null;
  const at = note.indexOf(' — ');
  return (at >= 0 ? note.slice(0, at) : note).trim() || null;
}

/**
 * Thông báo thu hồi kinh phí: what the establishment owes back, in figures and in words — after
 * its settlement (the final support below what it was paid), or after its file was cancelled
 * (all that it was paid).
 */
export function recoveryNoticePaper(facts: PaperFacts): OfficialPaper {
  const { file, establishment: e, entry } = facts;
  const s = facts.settlement;
  const c = file.currency;
  const owed = facts.recovery?.amount ?? s?.balance ?? '0';
  const settlementEntry = facts.register.filter((r) => r.type === 'settlement').at(-1);
  let grounds: PaperBlock[];
  if (facts.recovery?.origin === 'cancellation' || !s) {
    const reason = cancellationReason(facts.cancellationNote);
    grounds = [
      { kind: 'paragraph', text: decisionBasis(facts) },
      { kind: 'paragraph', text: `Đề án "${file.title}" của ${e.name} (mã số thuế ${e.taxCode}) đã bị hủy${reason ? ` với lý do: ${reason}` : ''}. Sở Công Thương thông báo:` },
      amountBlock('1. Kinh phí đã tạm ứng, thanh toán cho cơ sở', owed, c),
      amountBlock('2. Số phải nộp trả ngân sách nhà nước', owed, c),
    ];
  } else {
    grounds = [
      { kind: 'paragraph', text: decisionBasis(facts) },
      ...(settlementEntry ? [{ kind: 'paragraph' as const, text: `Căn cứ Biên bản quyết toán số ${settlementEntry.number} ngày ${dateText(settlementEntry.issuedAt)},` }] : []),
      { kind: 'paragraph', text: `Sở Công Thương thông báo kết quả quyết toán kinh phí khuyến công của ${e.name} (mã số thuế ${e.taxCode}) như sau:` },
      amountBlock('1. Kinh phí hỗ trợ quyết toán', s.finalSupport ?? '0', c),
      amountBlock('2. Đã tạm ứng, thanh toán', s.paid ?? '0', c),
      amountBlock('3. Số phải nộp trả ngân sách nhà nước', owed, c),
    ];
  }
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
    blocks: [...grounds, { kind: 'paragraph', text: `Đề nghị ${e.name} nộp trả số kinh phí trên vào ngân sách nhà nước qua Kho bạc Nhà nước tỉnh, ghi rõ số Thông báo này khi nộp./.` }],
    recipients: ['Như trên;', 'Kho bạc Nhà nước tỉnh;', 'Lưu: VT, KHTC.'],
    signatures: [registeredSignature(entry)],
  };
}
