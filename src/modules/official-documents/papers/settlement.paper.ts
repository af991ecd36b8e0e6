import { currencyScale } from '../../../common/money/currency';
import { Money } from '../../../common/money/decimal';
import { formatNumberVi } from '../../../common/money/format-vi';
import type { OfficialPaper, PaperBlock } from '../../../rendering/paper/official-paper';
import { amountBlock, contractBasis, decisionBasis, moneyText, paperFileName, rateText, registeredSignature, type PaperFacts } from './paper-facts';

/**
 * Biên bản quyết toán kinh phí khuyến công: the actual costs, the final support fixed by the rule
 * (min of the approved support, the rate times the eligible cost rounded down, the cap), what was
 * paid and the balance — each in figures and in words — signed by the leader who approved it.
 */
export function settlementPaper(facts: PaperFacts): OfficialPaper {
  const { file, establishment: e, entry } = facts;
  const s = facts.settlement!;
  const c = file.currency;
  const figure = (v: string) => formatNumberVi(new Money(v), currencyScale(c));
  const balance = new Money(s.balance ?? '0');
  const bases = [decisionBasis(facts), contractBasis(facts), facts.acceptance ? `Căn cứ Biên bản nghiệm thu số ${facts.acceptance.minutesNo} ngày ${facts.acceptance.date.split('-').reverse().join('/')};` : null].filter((b): b is string => b !== null);
  const lines: PaperBlock = {
    kind: 'table',
    columns: [
      { header: 'TT', weight: 0.5, align: 'center' },
      { header: 'Nội dung chi', weight: 3.2 },
      { header: `Số tiền (${c === 'VND' ? 'đồng' : c})`, weight: 1.6, align: 'right' },
      { header: 'Được hỗ trợ', weight: 1, align: 'center' },
      { header: 'Chứng từ', weight: 1.4 },
    ],
    rows: [...s.lines.map((l, i) => [String(i + 1), l.description, figure(l.amount), l.eligible ? 'Có' : 'Không', l.documentRef ?? '']), ['', 'Tổng cộng', figure(s.actualTotalCost), '', '']],
    totalRows: 1,
  };
  return {
    fileName: paperFileName('bien-ban-quyet-toan', entry.number),
    title: `Biên bản quyết toán số ${entry.number}`,
    issuingBody: facts.issuingBody,
    number: entry.number,
    place: facts.place,
    date: entry.issuedAt,
    kind: 'Biên bản quyết toán kinh phí khuyến công',
    subject: `Đề án "${file.title}" của ${e.name}`,
    bases,
    blocks: [
      { kind: 'paragraph', text: `1. Chi phí thực tế theo chứng từ: tổng cộng ${moneyText(s.actualTotalCost, c)}, trong đó chi phí được hỗ trợ ${moneyText(s.actualEligibleCost, c)}.` },
      lines,
      { kind: 'paragraph', text: `2. Số liệu quyết toán (tỷ lệ hỗ trợ ${rateText(s.supportRate)}${s.supportCap ? `, mức hỗ trợ tối đa ${moneyText(s.supportCap, c)}` : ''}):` },
      amountBlock('Kinh phí hỗ trợ được duyệt', s.approvedSupport ?? '0', c),
      amountBlock('Kinh phí hỗ trợ quyết toán', s.finalSupport ?? '0', c),
      amountBlock('Đã tạm ứng, thanh toán', s.paid ?? '0', c),
      balance.gt(0)
        ? amountBlock('Số còn được thanh toán cho cơ sở', s.balance!, c)
        : balance.lt(0)
          ? amountBlock('Số cơ sở phải nộp trả ngân sách', s.balance!, c)
          : { kind: 'paragraph', text: 'Chênh lệch: không phát sinh.' },
      ...(s.released && new Money(s.released).gt(0) ? [amountBlock('Kinh phí hoàn trả đơn vị phân bổ', s.released, c)] : []),
      { kind: 'paragraph', text: 'Kinh phí hỗ trợ quyết toán là số nhỏ nhất trong: kinh phí được duyệt; tỷ lệ hỗ trợ nhân chi phí được hỗ trợ, làm tròn xuống đồng; mức hỗ trợ tối đa./.', emphasis: 'italic' },
    ],
    recipients: [`${e.name};`, 'Kho bạc Nhà nước tỉnh;', 'Lưu: VT, KHTC.'],
    signatures: [registeredSignature(entry)],
  };
}
