import type { FieldError } from '../../common/http/domain-error';
import { currencyScale } from '../../common/money/currency';
import { Decimal, Money } from '../../common/money/decimal';
import { floorRateOf, MAX_INTEGER_DIGITS, minMoney, sumMoney } from '../../common/money/money';
import { formatMoneyVi } from '../../common/money/format-vi';
import { ApplicationError } from './applications.error';
import { documentKindLabel } from '../catalogue/catalogue.labels';

/** A file's money: line amounts, the support the rule allows, counterpart funding, what blocks a submission. */

const MAX_AMOUNT = new Money(10).pow(MAX_INTEGER_DIGITS);

export interface CostLineInput {
  quantity: Decimal;
  unitPrice: Decimal;
  eligible: boolean;
}

/**
 * A line's amount: quantity × unit price in whole units of the currency, rounded down so a
 * fractional quantity never overstates the cost the state supports.
 */
export function lineAmount({ quantity, unitPrice, currency }: { quantity: Decimal; unitPrice: Decimal; currency: string }): Money {
  return new Money(quantity).times(unitPrice).toDecimalPlaces(currencyScale(currency), Decimal.ROUND_FLOOR);
}

/** Support for one file: min(floor(rate × eligible cost), cap); no cap when the rule sets it per decision. */
export function supportLimit({
  supportRate,
  supportCap,
  eligibleCost,
  currency,
}: {
  supportRate: Decimal;
  supportCap: Decimal | null;
  eligibleCost: Decimal;
  currency: string;
}): Money {
  const byRate = floorRateOf({ rate: supportRate, amount: eligibleCost, currency });
  return supportCap === null ? byRate : minMoney(byRate, supportCap);
}

/** What of a rule the figures need: its rate, and its cap in the cap's currency. */
export interface RuleTerms {
  supportRate: Decimal;
  supportCap: Decimal | null;
  capCurrency: string;
}

/**
 * A capped rule speaks of amounts in its cap's currency; a file in another currency (a sponsor's
 * fund in USD under a cap in đồng) is held to it converted at the rate of exchange in force
 * (CatalogueService.ruleIn); with no rate recorded its figures are refused (409), naming both
 * currencies and the rate that is needed. A rule without a cap applies to any currency.
 */
export function capCurrencyRefusal({ rule, currency }: { rule: RuleTerms; currency: string }): ApplicationError | null {
  if (rule.supportCap === null || rule.capCurrency === currency) return null;
  return new ApplicationError(
    'INVALID_STATE',
    `Mức hỗ trợ tối đa của quy định tính bằng ${rule.capCurrency}, nguồn kinh phí của hồ sơ tính bằng ${currency}: cần tỷ giá quy đổi ${rule.capCurrency}/${currency} có hiệu lực (bộ phận tài chính ghi nhận tỷ giá) mới xét được hồ sơ theo quy định này.`,
  );
}

export interface Totals {
  lineAmounts: Money[];
  totalCost: Money;
  eligibleCost: Money;
  maxSupport: Money;
}

/**
 * The figures of a file: each line's amount, total cost, eligible cost (the eligible lines) and the
 * most support the rule allows. The beneficiary funds the rest (vốn đối ứng). A figure past 18
 * integer digits is a 400 naming the line.
 */
export function totalsOf({
  lines,
  rule,
  currency,
}: {
  lines: CostLineInput[];
  rule: RuleTerms;
  currency: string;
}): Totals {
  const refusal = capCurrencyRefusal({ rule, currency });
  if (refusal) throw refusal;
  const lineAmounts = lines.map((line, i) => {
    const amount = lineAmount({ quantity: line.quantity, unitPrice: line.unitPrice, currency });
    if (amount.gte(MAX_AMOUNT)) {
      throw new ApplicationError('VALIDATION_FAILED', `costLines[${i}]: thành tiền vượt quá giới hạn.`, [
        { field: `costLines[${i}].unitPrice`, message: `thành tiền (số lượng × đơn giá) tối đa ${MAX_INTEGER_DIGITS} chữ số phần nguyên` },
      ]);
    }
    return amount;
  });
  const totalCost = sumMoney(lineAmounts);
  if (totalCost.gte(MAX_AMOUNT)) {
    throw new ApplicationError('VALIDATION_FAILED', 'costLines: tổng chi phí vượt quá giới hạn.', [
      { field: 'costLines', message: `tổng chi phí tối đa ${MAX_INTEGER_DIGITS} chữ số phần nguyên` },
    ]);
  }
  const eligibleCost = sumMoney(lineAmounts.filter((_, i) => lines[i].eligible));
  const maxSupport = supportLimit({ supportRate: rule.supportRate, supportCap: rule.supportCap, eligibleCost, currency });
  return { lineAmounts, totalCost, eligibleCost, maxSupport };
}

/** What the beneficiary funds: total cost less the support (approved once set, requested before). */
export function counterpartFunding({ totalCost, support }: { totalCost: Decimal; support: Decimal | null }): Money {
  const rest = new Money(totalCost).minus(support ?? 0);
  return rest.isNegative() ? new Money(0) : rest;
}

export interface SubmissionDraft {
  title: string | null;
  communeCode: string | null;
  startDate: string | null;
  endDate: string | null;
  costLineCount: number;
  eligibleCost: Decimal;
  maxSupport: Decimal;
  requestedSupport: Decimal | null;
  currency: string;
  /** The kinds of the documents attached to the file. */
  documentKinds: readonly string[];
  /** The kinds the activity type's rule requires before submission. */
  requiredDocumentKinds: readonly string[];
}

/** The required kinds of document a file does not carry yet, in the rule's order. */
export function missingDocumentKinds({ documentKinds, requiredDocumentKinds }: Pick<SubmissionDraft, 'documentKinds' | 'requiredDocumentKinds'>): string[] {
  return requiredDocumentKinds.filter((kind) => !documentKinds.includes(kind));
}

/** Why a file cannot be submitted yet (each naming its field), or an empty list. */
export function submissionProblems(file: SubmissionDraft): FieldError[] {
  const problems: FieldError[] = [];
  if (!file.title) problems.push({ field: 'title', message: 'bắt buộc' });
  if (!file.communeCode) problems.push({ field: 'communeCode', message: 'bắt buộc' });
  if (!file.startDate) problems.push({ field: 'startDate', message: 'bắt buộc' });
  if (!file.endDate) problems.push({ field: 'endDate', message: 'bắt buộc' });
  if (file.startDate && file.endDate && file.endDate < file.startDate) {
    problems.push({ field: 'endDate', message: 'không được trước ngày bắt đầu' });
  }
  if (file.costLineCount === 0) problems.push({ field: 'costLines', message: 'cần ít nhất một dòng chi phí' });
  else if (!file.eligibleCost.gt(0)) problems.push({ field: 'costLines', message: 'cần ít nhất một khoản chi phí được hỗ trợ' });
  if (file.requestedSupport === null) problems.push({ field: 'requestedSupport', message: 'bắt buộc' });
  else if (file.requestedSupport.gt(file.maxSupport)) {
    problems.push({ field: 'requestedSupport', message: `vượt quá mức hỗ trợ tối đa ${formatMoneyVi(file.maxSupport, file.currency)}` });
  }
  const missing = missingDocumentKinds(file);
  if (missing.length) {
    problems.push({ field: 'documents', message: `còn thiếu tài liệu bắt buộc: ${missing.map(documentKindLabel).join('; ')}` });
  }
  return problems;
}

/**
 * The approved support a recommendation may carry: positive, at most the rule's maximum and at most
 * what was requested. Null when acceptable, otherwise the refusal.
 */
export function approvedSupportProblem({
  approvedSupport,
  maxSupport,
  requestedSupport,
  currency,
}: {
  approvedSupport: Decimal;
  maxSupport: Decimal;
  requestedSupport: Decimal | null;
  currency: string;
}): ApplicationError | null {
  if (approvedSupport.gt(maxSupport)) {
    const message = `vượt quá mức hỗ trợ tối đa ${formatMoneyVi(maxSupport, currency)}`;
    return new ApplicationError('LIMIT_EXCEEDED', `Kinh phí hỗ trợ đề xuất ${message}.`, [{ field: 'approvedSupport', message }]);
  }
  if (requestedSupport !== null && approvedSupport.gt(requestedSupport)) {
    const message = `vượt quá kinh phí đề nghị ${formatMoneyVi(requestedSupport, currency)}`;
    return new ApplicationError('LIMIT_EXCEEDED', `Kinh phí hỗ trợ đề xuất ${message}.`, [{ field: 'approvedSupport', message }]);
  }
  return null;
}
