import { Decimal } from '../../common/money/decimal';
import { inWordsLine } from '../../common/money/in-words-vi';
import { formatDateVi, formatMoneyVi, formatPercentVi } from '../../common/money/format-vi';
import { keyValueTable, officialDocument, PdfContent, PdfSigner } from '../../rendering/pdf/official-layout';
import type { PdfDocumentDefinition } from '../../rendering/pdf/pdf.service';

export interface StatementData {
  issuingBody: string;
  place: string;
  date: string;
  application: { title: string; decisionNo: string | null; decisionDate: string | null; activityName: string; currency: string };
  beneficiary: { name: string; taxCode: string; address: string };
  settlement: {
    status: string;
    actualTotalCost: Decimal;
    actualEligibleCost: Decimal;
    approvedSupport: Decimal | null;
    supportRate: Decimal | null;
    supportCap: Decimal | null;
    finalSupport: Decimal | null;
    paid: Decimal | null;
    balance: Decimal | null;
    released: Decimal | null;
    lines: Array<{ description: string; amount: Decimal; eligible: boolean; documentRef: string | null }>;
  };
  /** The number the register gave the approved statement (none while a draft). */
  number?: string;
  /** `approvedTitle`: the lines above the approver's signature as the register recorded them (KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC…). */
  signers: { preparedBy: string | null; checkedBy: string | null; approvedBy: string | null; approvedTitle: string[] | null };
}

/** Biên bản quyết toán kinh phí hỗ trợ: the figures of one file's settlement, ready to sign. */
export function settlementStatement(data: StatementData): PdfDocumentDefinition {
  const { settlement: s, application: a } = data;
  const money = (v: Decimal | null) => (v == null ? 'chưa xác định' : formatMoneyVi(v, a.currency));
  // the figures the approver vouches for carry their amount in words on the line below ("Bằng chữ: …")
  const vouched = (v: Decimal | null) => (v == null ? money(v) : `${money(v)}\n${inWordsLine(v.abs(), a.currency)}.`);
  const balanceText =
    s.balance == null
      ? 'chưa xác định'
      : s.balance.gt(0)
        ? `${formatMoneyVi(s.balance, a.currency)} (chi trả thêm cho cơ sở)\n${inWordsLine(s.balance, a.currency)}.`
        : s.balance.lt(0)
          ? `${formatMoneyVi(s.balance.neg(), a.currency)} (cơ sở phải nộp trả ngân sách)\n${inWordsLine(s.balance.neg(), a.currency)}.`
          : '0 ₫ (không phát sinh chênh lệch)';
  const figures: Array<[string, string]> = [
    ['Tên đề án', a.title],
    ['Cơ sở thụ hưởng', `${data.beneficiary.name} — MST ${data.beneficiary.taxCode}`],
    ['Địa chỉ', data.beneficiary.address],
    ['Nội dung hỗ trợ', a.activityName],
    ['Quyết định phê duyệt', a.decisionNo ? `${a.decisionNo}${a.decisionDate ? ` ngày ${formatDateVi(a.decisionDate)}` : ''}` : '—'],
    ['Kinh phí hỗ trợ được duyệt', money(s.approvedSupport)],
    ['Tổng chi phí thực hiện', money(s.actualTotalCost)],
    ['Chi phí hợp lệ được hỗ trợ', money(s.actualEligibleCost)],
    ['Tỷ lệ hỗ trợ', s.supportRate == null ? 'chưa xác định' : formatPercentVi(s.supportRate)],
    ['Mức hỗ trợ tối đa', s.supportCap == null ? 'không quy định' : money(s.supportCap)],
    ['Kinh phí hỗ trợ quyết toán', vouched(s.finalSupport)],
    ['Đã tạm ứng, thanh toán', vouched(s.paid)],
    ['Chênh lệch', balanceText],
    ['Kinh phí hoàn trả đơn vị phân bổ', money(s.released)],
  ];
  const lines: PdfContent = {
    table: {
      headerRows: 1,
      widths: [24, '*', 90, 50, 90],
      body: [
        [
          { text: 'TT', style: 'tableHeader' },
          { text: 'Nội dung chi', style: 'tableHeader' },
          { text: 'Số tiền', style: 'tableHeader' },
          { text: 'Hợp lệ', style: 'tableHeader' },
          { text: 'Chứng từ', style: 'tableHeader' },
        ],
        ...s.lines.map((l, i) => [
          { text: String(i + 1), alignment: 'center' },
          l.description,
          { text: formatMoneyVi(l.amount, a.currency), alignment: 'right' },
          { text: l.eligible ? 'Có' : 'Không', alignment: 'center' },
          l.documentRef ?? '',
        ]),
        [
          '',
          { text: 'Tổng cộng', bold: true },
          { text: formatMoneyVi(s.actualTotalCost, a.currency), alignment: 'right', bold: true },
          '',
          '',
        ],
      ],
    },
    layout: 'report',
    style: 'table',
    fontSize: 9,
    margin: [0, 4, 0, 8],
  };
  const leaderTitle = data.signers.approvedTitle?.join('\n') ?? 'Giám đốc';
  const signers: PdfSigner[] = [
    { capacity: 'Người lập biểu', name: data.signers.preparedBy ?? undefined },
    { capacity: 'Trưởng phòng Kế hoạch – Tài chính', name: data.signers.checkedBy ?? undefined },
    { capacity: leaderTitle, name: data.signers.approvedBy ?? undefined },
  ];
  return officialDocument({
    issuingBody: data.issuingBody,
    numberSuffix: 'BB-QT',
    number: data.number ? data.number.replace(/\/BB-QT$/, '') : undefined,
    place: data.place,
    date: data.date,
    title: 'Biên bản quyết toán kinh phí khuyến công',
    subtitle: s.status === 'approved' ? 'Kinh phí hỗ trợ đã được phê duyệt quyết toán' : 'Dự thảo — quyết toán chưa được phê duyệt',
    content: [
      { text: '1. Thông tin đề án', style: 'section' },
      keyValueTable(figures.slice(0, 5)),
      { text: '2. Chi phí thực tế theo chứng từ', style: 'section' },
      lines,
      { text: '3. Số liệu quyết toán', style: 'section' },
      keyValueTable(figures.slice(5)),
      {
        text: 'Kinh phí hỗ trợ quyết toán = min(kinh phí được duyệt; tỷ lệ hỗ trợ × chi phí hợp lệ, làm tròn xuống; mức hỗ trợ tối đa).',
        italics: true,
        fontSize: 8.5,
      },
    ],
    signers,
    recipients: ['Cơ sở thụ hưởng', 'Kho bạc Nhà nước', 'Lưu: VT, KHTC'],
  });
}
