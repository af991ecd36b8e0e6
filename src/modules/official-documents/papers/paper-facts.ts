import { currencyScale } from '../../../common/money/currency';
import { Money, plainString } from '../../../common/money/decimal';
import { formatDateVi, formatNumberVi, formatPercentVi } from '../../../common/money/format-vi';
import { amountInWords } from '../../../common/money/in-words-vi';
import type { PaperBlock, PaperSignature } from '../../../rendering/paper/official-paper';
import { bodyInSentence } from '../../../rendering/paper/official-text';
import type { RegisterEntryView } from '../../document-register/document-register.types';

/**
 * What a file's papers are written from: its recorded facts, read through the owning modules'
 * services (API forms: money as plain decimal strings, dates `YYYY-MM-DD`), and the paper's own
 * entry in the register (number, date, who signed in which form).
 */
export interface PaperFacts {
  issuingBody: string;
  place: string;
  /** This paper's line in the register. */
  entry: RegisterEntryView;
  /** Every paper registered for the file, oldest first (the decision a contract cites…). */
  register: RegisterEntryView[];
  file: {
    id: string;
    title: string;
    currency: string;
    fiscalYear: number;
    fundCode: string;
    startDate: string | null;
    endDate: string | null;
    submittedAt: string | null;
    totalCost: string;
    eligibleCost: string;
    approvedSupport: string | null;
    decisionNo: string | null;
    decisionDate: string | null;
    costLines: Array<{ description: string; quantity: string; unitPrice: string; amount: string; eligible: boolean }>;
    /** The note of the decision step on the timeline (its reason follows the number). */
    decisionNote: string | null;
    approved: boolean;
  };
  activity: { name: string; supportRate: string | null; supportCap: string | null; settlementDueDays: number | null };
  fundSourceLabel: string;
  establishment: { name: string; kindLabel: string; taxCode: string; address: string; representative: string; phone: string };
  leadUnit: { name: string; code: string };
  /** floor(advanceRate × approvedSupport), when approved. */
  advanceLimit: string | null;
  contract: { contractNo: string; signedDate: string } | null;
  acceptance: { result: 'passed' | 'failed'; date: string; minutesNo: string; note: string | null; settlementDueDate: string | null } | null;
  settlement: {
    actualTotalCost: string;
    actualEligibleCost: string;
    approvedSupport: string | null;
    supportRate: string | null;
    supportCap: string | null;
    finalSupport: string | null;
    /** What had been paid, and the balance, when the settlement was approved (the paper records that day). */
    paid: string | null;
    balance: string | null;
    released: string | null;
    lines: Array<{ description: string; amount: string; eligible: boolean; documentRef: string | null }>;
  } | null;
  /** The recovery the notice asks for: opened by the settlement, or by the file's cancellation. */
  recovery: { amount: string; origin: 'settlement' | 'cancellation' } | null;
  /** The note of the cancellation step on the timeline (its reason first). */
  cancellationNote: string | null;
  disbursement: { kind: 'advance' | 'payment' | 'final'; amount: string; note: string | null } | null;
}

/** An amount as papers print it: "270.000.000 đồng"; other currencies with their code ("12,30 USD"). */
export function moneyText(amount: string, currency: string): string {
  const figure = formatNumberVi(new Money(amount), currencyScale(currency));
  return currency === 'VND' ? `${figure} đồng` : `${figure} ${currency}`;
}

/** A figure a signer vouches for, with its amount in words. A negative amount is printed as its size (the label says the direction). */
export function amountBlock(label: string, amount: string, currency: string): PaperBlock {
  const size = plainString(new Money(amount).abs());
  return { kind: 'amount', label, figure: moneyText(size, currency), words: amountInWords(new Money(size), currency) };
}

export const dateText = (iso: string | null) => (iso ? formatDateVi(iso) : '…');
export const rateText = (rate: string | null) => (rate == null ? '' : formatPercentVi(new Money(rate)));

/** The signature of the person the register says signed, in the form it recorded. */
export function registeredSignature(entry: RegisterEntryView, heading?: string): PaperSignature {
  return { heading, lines: entry.signingTitle, name: entry.signerName };
}

/** "ngày 05 tháng 3 năm 2026" as a sentence says a date. */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map((p) => Number.parseInt(p, 10));
  return `ngày ${d < 10 ? `0${d}` : d} tháng ${m <= 2 ? `0${m}` : m} năm ${y}`;
}

/** The basis every paper after the decision cites. */
export function decisionBasis(facts: PaperFacts): string {
  return `Căn cứ Quyết định số ${facts.file.decisionNo ?? '…'} ngày ${dateText(facts.file.decisionDate)} của Giám đốc Sở Công Thương về việc hỗ trợ kinh phí khuyến công đề án "${facts.file.title}";`;
}

export function contractBasis(facts: PaperFacts): string | null {
  return facts.contract ? `Căn cứ Hợp đồng số ${facts.contract.contractNo} ký ngày ${dateText(facts.contract.signedDate)} giữa ${facts.leadUnit.name} và ${facts.establishment.name};` : null;
}

/** The two parties of a contract or an acceptance record. */
export function partiesBlocks(facts: PaperFacts): PaperBlock[] {
  const e = facts.establishment;
  return [
    { kind: 'article', label: 'BÊN A (bên giao):', text: `${facts.leadUnit.name}, thuộc ${bodyInSentence(facts.issuingBody)}.`, items: [`Đại diện: ${facts.entry.signerName}, chức vụ: ${facts.entry.signingTitle.join(' ').toLowerCase()}.`] },
    {
      kind: 'article',
      label: 'BÊN B (bên nhận hỗ trợ):',
      text: `${e.name} (${e.kindLabel.toLowerCase()}).`,
      items: [`Mã số thuế: ${e.taxCode}.`, `Địa chỉ: ${e.address}.`, `Điện thoại: ${e.phone}.`, `Đại diện: ${e.representative}.`],
    },
  ];
}

/** Bên B's signature: the establishment's representative. */
export function beneficiarySignature(facts: PaperFacts): PaperSignature {
  return { heading: 'ĐẠI DIỆN BÊN B', lines: [], hint: '(Ký, ghi rõ họ tên, đóng dấu)', name: facts.establishment.representative };
}

/** The cost lines of the file as a table, with the total. */
export function costLinesTable(facts: PaperFacts): PaperBlock {
  const c = facts.file.currency;
  const figure = (v: string) => formatNumberVi(new Money(v), currencyScale(c));
  return {
    kind: 'table',
    columns: [
      { header: 'TT', weight: 0.5, align: 'center' },
      { header: 'Nội dung chi', weight: 3.2 },
      { header: 'Số lượng', weight: 0.9, align: 'right' },
      { header: `Đơn giá (${c === 'VND' ? 'đồng' : c})`, weight: 1.5, align: 'right' },
      { header: `Thành tiền (${c === 'VND' ? 'đồng' : c})`, weight: 1.6, align: 'right' },
      { header: 'Được hỗ trợ', weight: 1, align: 'center' },
    ],
    rows: [
      ...facts.file.costLines.map((l, i) => [String(i + 1), l.description, formatNumberVi(new Money(l.quantity), new Money(l.quantity).decimalPlaces()), figure(l.unitPrice), figure(l.amount), l.eligible ? 'Có' : 'Không']),
      ['', 'Tổng cộng', '', '', figure(facts.file.totalCost), ''],
    ],
    totalRows: 1,
  };
}

/** An ASCII file name for a paper: `quyet-dinh-12-qd-sct`. */
export function paperFileName(prefix: string, number: string): string {
  const ascii = number
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${prefix}-${ascii}`.slice(0, 100);
}
