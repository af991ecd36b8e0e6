import type { OfficialPaper } from '../../../rendering/paper/official-paper';
import { amountBlock, beneficiarySignature, dateText, decisionBasis, longDate, paperFileName, partiesBlocks, registeredSignature, type PaperFacts } from './paper-facts';

/**
 * Hợp đồng thực hiện đề án khuyến công between the lead unit (bên A, signed by who recorded the
 * contract, in the form the register gave) and the establishment (bên B): the approved support
 * and the advance limit in figures and in words, each party's duties.
 */
export function contractPaper(facts: PaperFacts): OfficialPaper {
  const { file, entry } = facts;
  const c = file.currency;
  const due = facts.activity.settlementDueDays;
  return {
    fileName: paperFileName('hop-dong', entry.number),
    title: `Hợp đồng số ${entry.number}`,
    issuingBody: facts.issuingBody,
    number: entry.number,
    place: facts.place,
    date: entry.issuedAt,
    kind: 'Hợp đồng',
    subject: `Về việc thực hiện đề án khuyến công "${file.title}"`,
    bases: ['Căn cứ Bộ luật Dân sự ngày 24 tháng 11 năm 2015;', decisionBasis(facts)],
    blocks: [
      { kind: 'paragraph', text: `Hôm nay, ${longDate(entry.issuedAt)}, tại ${facts.place}, chúng tôi gồm:` },
      ...partiesBlocks(facts),
      { kind: 'paragraph', text: 'Hai bên thống nhất ký kết hợp đồng với các điều khoản sau:' },
      {
        kind: 'article',
        label: 'Điều 1. Nội dung.',
        text: `Bên B thực hiện đề án "${file.title}", thuộc hoạt động ${facts.activity.name}, từ ngày ${dateText(file.startDate)} đến ngày ${dateText(file.endDate)}, theo nội dung và dự toán được phê duyệt tại Quyết định số ${file.decisionNo} ngày ${dateText(file.decisionDate)}.`,
      },
      { kind: 'article', label: 'Điều 2. Kinh phí.', text: 'Bên A hỗ trợ Bên B kinh phí khuyến công như sau:' },
      amountBlock('1. Kinh phí hỗ trợ', file.approvedSupport ?? '0', c),
      ...(facts.advanceLimit ? [amountBlock('2. Tạm ứng tối đa', facts.advanceLimit, c)] : []),
      { kind: 'paragraph', text: 'Phần còn lại được thanh toán sau khi nghiệm thu và quyết toán; kinh phí hỗ trợ quyết toán không vượt quá mức được phê duyệt.' },
      {
        kind: 'article',
        label: 'Điều 3. Trách nhiệm của các bên.',
        text: 'Bên A tạm ứng, thanh toán kinh phí theo hợp đồng; theo dõi, kiểm tra, nghiệm thu và quyết toán kinh phí.',
        items: [
          `Bên B thực hiện đúng nội dung, tiến độ đề án; sử dụng kinh phí đúng mục đích; nộp hồ sơ quyết toán${due ? ` trong thời hạn ${due} ngày kể từ ngày nghiệm thu` : ''}; hoàn trả kinh phí sử dụng không hết hoặc không đúng mục đích.`,
        ],
      },
      { kind: 'article', label: 'Điều 4. Hiệu lực.', text: `Hợp đồng có hiệu lực kể từ ngày ký, được lập thành 04 bản có giá trị pháp lý như nhau, mỗi bên giữ 02 bản./.` },
    ],
    signatures: [registeredSignature(entry, 'ĐẠI DIỆN BÊN A'), beneficiarySignature(facts)],
  };
}
