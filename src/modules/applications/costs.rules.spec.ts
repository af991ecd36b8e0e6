import { Money } from '../../common/money/decimal';
import { approvedSupportProblem, capCurrencyRefusal, counterpartFunding, lineAmount, missingDocumentKinds, submissionProblems, supportLimit, totalsOf } from './costs.rules';

const m = (v: string) => new Money(v);

describe('support figures', () => {
  const demo = { supportRate: m('0.3'), supportCap: m('1000000000'), capCurrency: 'VND' };

  it('matches the worked examples of DOMAIN.md', () => {
    const line = (unitPrice: string, eligible = true) => ({ quantity: m('1'), unitPrice: m(unitPrice), eligible });
    const demoTotals = totalsOf({ lines: [line('2500000000'), line('300000000', false)], rule: demo, currency: 'VND' });
    expect(demoTotals.totalCost.toFixed()).toBe('2800000000');
    expect(demoTotals.eligibleCost.toFixed()).toBe('2500000000');
    expect(demoTotals.maxSupport.toFixed()).toBe('750000000');
    expect(totalsOf({ lines: [line('4000000000')], rule: demo, currency: 'VND' }).maxSupport.toFixed()).toBe('1000000000');
    const machinery = { supportRate: m('0.5'), supportCap: m('300000000'), capCurrency: 'VND' };
    expect(totalsOf({ lines: [line('800000000')], rule: machinery, currency: 'VND' }).maxSupport.toFixed()).toBe('300000000');
  });

  it('rounds line amounts and support down to whole đồng', () => {
    expect(lineAmount({ quantity: m('1.5'), unitPrice: m('333'), currency: 'VND' }).toFixed()).toBe('499');
    expect(lineAmount({ quantity: m('2.5'), unitPrice: m('10.01'), currency: 'USD' }).toFixed()).toBe('25.02');
    expect(supportLimit({ supportRate: m('0.3'), supportCap: null, eligibleCost: m('333'), currency: 'VND' }).toFixed()).toBe('99');
  });

  it('has no cap when the rule sets it per decision', () => {
    expect(supportLimit({ supportRate: m('1'), supportCap: null, eligibleCost: m('7000000000'), currency: 'VND' }).toFixed()).toBe('7000000000');
  });

  it('refuses a line past 18 integer digits, naming it', () => {
    expect(() =>
      totalsOf({ lines: [{ quantity: m('1000'), unitPrice: m('999999999999999999'), eligible: true }], rule: demo, currency: 'VND' }),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field: 'costLines[0].unitPrice' })] }));
  });

  it('refuses a file in another currency than a capped rule (409 naming both), and takes any currency under a rule without a cap', () => {
    const line = { quantity: m('1'), unitPrice: m('10000'), eligible: true };
    expect(() => totalsOf({ lines: [line], rule: demo, currency: 'USD' })).toThrow(
      expect.objectContaining({ code: 'INVALID_STATE', detail: expect.stringMatching(/VND.*USD/) }),
    );
    expect(capCurrencyRefusal({ rule: { ...demo, capCurrency: 'USD' }, currency: 'USD' })).toBeNull();
    expect(totalsOf({ lines: [line], rule: { ...demo, capCurrency: 'USD' }, currency: 'USD' }).maxSupport.toFixed()).toBe('3000');
    const perDecision = { supportRate: m('0.5'), supportCap: null, capCurrency: 'VND' };
    expect(totalsOf({ lines: [line], rule: perDecision, currency: 'USD' }).maxSupport.toFixed()).toBe('5000');
  });

  it('counterpart funding is the cost the support does not cover', () => {
    expect(counterpartFunding({ totalCost: m('2800000000'), support: m('750000000') }).toFixed()).toBe('2050000000');
    expect(counterpartFunding({ totalCost: m('100'), support: null }).toFixed()).toBe('100');
  });
});

describe('submissionProblems', () => {
  const complete = {
    title: 'Mô hình',
    communeCode: '29263',
    startDate: '2026-03-01',
    endDate: '2026-09-30',
    costLineCount: 1,
    eligibleCost: m('2500000000'),
    maxSupport: m('750000000'),
    requestedSupport: m('750000000'),
    currency: 'VND',
    documentKinds: [] as string[],
    requiredDocumentKinds: [] as string[],
  };

  it('accepts a complete file asking no more than the maximum', () => {
    expect(submissionProblems(complete)).toEqual([]);
  });

  it('names every missing field and a request over the maximum', () => {
    expect(submissionProblems({ ...complete, requestedSupport: m('750000001') })).toEqual([
      { field: 'requestedSupport', message: 'vượt quá mức hỗ trợ tối đa 750.000.000 ₫' },
    ]);
    const fields = submissionProblems({ ...complete, communeCode: null, startDate: null, costLineCount: 0, requestedSupport: null }).map((p) => p.field);
    expect(fields).toEqual(['communeCode', 'startDate', 'costLines', 'requestedSupport']);
    expect(submissionProblems({ ...complete, endDate: '2026-01-01' }).map((p) => p.field)).toEqual(['endDate']);
  });

  it("asks for the documents the activity type's rule requires, naming the missing kinds in Vietnamese", () => {
    const required = { ...complete, requiredDocumentKinds: ['business_license', 'quotation'] };
    expect(submissionProblems({ ...required, documentKinds: ['quotation', 'other'] })).toEqual([
      { field: 'documents', message: 'còn thiếu tài liệu bắt buộc: Giấy chứng nhận đăng ký kinh doanh' },
    ]);
    expect(submissionProblems(required)).toEqual([
      { field: 'documents', message: 'còn thiếu tài liệu bắt buộc: Giấy chứng nhận đăng ký kinh doanh; Báo giá thiết bị, dịch vụ' },
    ]);
    expect(submissionProblems({ ...required, documentKinds: ['quotation', 'business_license', 'quotation'] })).toEqual([]);
    expect(missingDocumentKinds({ documentKinds: ['invoice'], requiredDocumentKinds: ['quotation', 'invoice', 'minutes'] })).toEqual(['quotation', 'minutes']);
  });
});

describe('approvedSupportProblem', () => {
  it('allows up to the maximum and the request, refuses beyond either', () => {
    const base = { maxSupport: m('750000000'), requestedSupport: m('700000000'), currency: 'VND' };
    expect(approvedSupportProblem({ ...base, approvedSupport: m('700000000') })).toBeNull();
    expect(approvedSupportProblem({ ...base, approvedSupport: m('700000001') })?.code).toBe('LIMIT_EXCEEDED');
    expect(approvedSupportProblem({ ...base, requestedSupport: null, approvedSupport: m('750000001') })?.code).toBe('LIMIT_EXCEEDED');
  });
});
