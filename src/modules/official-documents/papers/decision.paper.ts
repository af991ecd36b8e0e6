import type { OfficialPaper, PaperBlock } from '../../../rendering/paper/official-paper';
import { amountBlock, costLinesTable, dateText, moneyText, paperFileName, rateText, registeredSignature, type PaperFacts } from './paper-facts';

/** The legal bases of every decision on khuyến công support. */
export const KHUYEN_CONG_BASES = [
  'Căn cứ Nghị định số 45/2012/NĐ-CP của Chính phủ về khuyến công, được sửa đổi, bổ sung bởi Nghị định số 235/2025/NĐ-CP;',
  'Căn cứ Thông tư số 28/2018/TT-BTC của Bộ trưởng Bộ Tài chính hướng dẫn lập, quản lý, sử dụng kinh phí khuyến công, được sửa đổi, bổ sung bởi Thông tư số 64/2024/TT-BTC;',
];

/** The reason a decision gave: its timeline note after the number ("Quyết định số 12/QĐ-SCT — <reason>"). */
function reasonOf(facts: PaperFacts): string | null {
  const note = facts.file.decisionNote;
  const at = note?.indexOf(' — ') ?? -1;
  return note && at >= 0 ? note.slice(at + 3).trim() || null : null;
}

/**
 * Quyết định hỗ trợ kinh phí khuyến công: the leader's decision on a file, from its recorded
 * facts — the establishment, the activity and its rule, the cost lines, the approved support and
 * the advance limit (in figures and in words), the lead unit — signed as the register recorded.
 * A rejection is a decision too: not to support, with its reason.
 */
export function decisionPaper(facts: PaperFacts): OfficialPaper {
  const { file, establishment: e, leadUnit, entry } = facts;
  const c = file.currency;
  const bases = [
    ...KHUYEN_CONG_BASES,
    `Căn cứ hồ sơ đề án khuyến công của ${e.name} nộp ngày ${dateText(file.submittedAt?.slice(0, 10) ?? null)};`,
    `Xét đề nghị của ${leadUnit.name},`,
  ];
  const who = `${e.name} (mã số thuế ${e.taxCode}; địa chỉ: ${e.address})`;
  let blocks: PaperBlock[];
  if (file.approved && file.approvedSupport) {
    const rate = facts.activity.supportRate ? `Mức hỗ trợ: ${rateText(facts.activity.supportRate)} chi phí được hỗ trợ${facts.activity.supportCap ? `, tối đa ${moneyText(facts.activity.supportCap, c)}` : ''}.` : null;
    blocks = [
      {
        kind: 'article',
        label: 'Điều 1.',
        text: `Hỗ trợ kinh phí khuyến công năm ${file.fiscalYear} cho ${who} để thực hiện đề án "${file.title}", thuộc hoạt động ${facts.activity.name}, như sau:`,
        items: [
          `1. Thời gian thực hiện: từ ngày ${dateText(file.startDate)} đến ngày ${dateText(file.endDate)}.`,
          `2. Tổng chi phí thực hiện đề án: ${moneyText(file.totalCost, c)}; trong đó chi phí được hỗ trợ: ${moneyText(file.eligibleCost, c)}.`,
        ],
      },
      amountBlock('3. Kinh phí khuyến công hỗ trợ', file.approvedSupport, c),
      ...(rate ? [{ kind: 'paragraph' as const, text: rate, item: true }] : []),
      ...(facts.advanceLimit ? [amountBlock('4. Mức tạm ứng tối đa', facts.advanceLimit, c)] : []),
      { kind: 'paragraph', item: true, text: `5. Nguồn kinh phí: ${facts.fundSourceLabel.toLowerCase()}, kinh phí khuyến công năm ${file.fiscalYear} (mã nguồn ${file.fundCode}). Nội dung chi như sau:` },
      costLinesTable(facts),
      {
        kind: 'article',
        label: 'Điều 2.',
        text: `${e.name} có trách nhiệm sử dụng kinh phí hỗ trợ đúng mục đích, đúng nội dung được phê duyệt${facts.activity.settlementDueDays ? `, nộp hồ sơ quyết toán trong thời hạn ${facts.activity.settlementDueDays} ngày kể từ ngày nghiệm thu` : ''}. ${leadUnit.name} ký hợp đồng, theo dõi, kiểm tra, nghiệm thu và quyết toán kinh phí theo quy định.`,
      },
      {
        kind: 'article',
        label: 'Điều 3.',
        text: `Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Sở, Thủ trưởng ${leadUnit.name}, ${e.name} và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.`,
      },
    ];
  } else {
    const reason = reasonOf(facts);
    blocks = [
      { kind: 'article', label: 'Điều 1.', text: `Không hỗ trợ kinh phí khuyến công cho ${who} đối với đề án "${file.title}", thuộc hoạt động ${facts.activity.name}.`, items: reason ? [`Lý do: ${reason}`] : [] },
      { kind: 'article', label: 'Điều 2.', text: `Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Sở, Thủ trưởng ${leadUnit.name}, ${e.name} và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.` },
    ];
  }
  return {
    fileName: paperFileName('quyet-dinh', entry.number),
    title: `Quyết định số ${entry.number}`,
    issuingBody: facts.issuingBody,
    number: entry.number,
    place: facts.place,
    date: entry.issuedAt,
    kind: 'Quyết định',
    subject: file.approved ? `Về việc hỗ trợ kinh phí khuyến công đề án "${file.title}"` : `Về việc không hỗ trợ kinh phí khuyến công đề án "${file.title}"`,
    authority: `Giám đốc ${facts.issuingBody}`,
    bases,
    decides: 'QUYẾT ĐỊNH:',
    blocks,
    recipients: [`Như Điều ${file.approved ? 3 : 2};`, 'Kho bạc Nhà nước tỉnh;', `Lưu: VT, ${leadUnit.code}.`],
    signatures: [registeredSignature(entry)],
  };
}
