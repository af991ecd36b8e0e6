import type { OfficialPaper, PaperBlock } from '../../../rendering/paper/official-paper';
import { amountBlock, beneficiarySignature, contractBasis, dateText, decisionBasis, longDate, paperFileName, partiesBlocks, registeredSignature, type PaperFacts } from './paper-facts';

/** Biên bản nghiệm thu: the acceptance of the work done, passed or failed, with its settlement due date. */
export function acceptancePaper(facts: PaperFacts): OfficialPaper {
  const { file, entry } = facts;
  const a = facts.acceptance!;
  const passed = a.result === 'passed';
  const outcome: PaperBlock[] = [
    { kind: 'article', label: '1. Kết quả nghiệm thu:', text: passed ? 'ĐẠT. Đề án được thực hiện đúng nội dung đã được phê duyệt.' : 'KHÔNG ĐẠT.', items: a.note ? [`Ý kiến: ${a.note}`] : [] },
    amountBlock('2. Kinh phí hỗ trợ được duyệt', file.approvedSupport ?? '0', file.currency),
  ];
  if (passed && a.settlementDueDate) outcome.push({ kind: 'paragraph', text: `3. Bên B nộp hồ sơ quyết toán trước ngày ${dateText(a.settlementDueDate)}.` });
  return {
    fileName: paperFileName('bien-ban-nghiem-thu', entry.number),
    title: `Biên bản nghiệm thu số ${entry.number}`,
    issuingBody: facts.issuingBody,
    number: entry.number,
    place: facts.place,
    date: entry.issuedAt,
    kind: 'Biên bản nghiệm thu',
    subject: `Đề án khuyến công "${file.title}"`,
    bases: [decisionBasis(facts), ...[contractBasis(facts)].filter((b): b is string => b !== null)],
    blocks: [
      { kind: 'paragraph', text: `Hôm nay, ${longDate(a.date)}, tại ${facts.place}, chúng tôi gồm:` },
      ...partiesBlocks(facts),
      { kind: 'paragraph', text: 'Đã tiến hành nghiệm thu kết quả thực hiện đề án, kết luận như sau:' },
      ...outcome,
      { kind: 'paragraph', text: 'Biên bản được lập thành 04 bản có giá trị như nhau, mỗi bên giữ 02 bản./.' },
    ],
    signatures: [registeredSignature(entry, 'ĐẠI DIỆN BÊN A'), beneficiarySignature(facts)],
  };
}
